package dev.warroom.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How current one live value is at a given moment: what a tile's stale badge reads
 * ({@code reading.stale(f.age(), f.staleReason())} when {@link #isStale()}). Immutable.
 *
 * @param key         what the value is (a query, or whatever the caller tracks it by)
 * @param lastGoodAt  the evaluation instant of the last good value; null if there has never been one
 * @param age         how old that value is at the moment asked; null if there has never been one
 * @param staleReason why the value cannot be trusted as current ("503 from prom: overloaded",
 *                    "no data"); null while it is fresh
 */
public record Freshness(String key, Instant lastGoodAt, Duration age, String staleReason) {

    public Freshness {
        Objects.requireNonNull(key, "key");
        if ((lastGoodAt == null) != (age == null)) {
            throw new IllegalArgumentException("an age needs a last good value and the other way round: " + key);
        }
        if (lastGoodAt == null && staleReason == null) {
            throw new IllegalArgumentException("without a good value " + key + " cannot be fresh");
        }
    }

    public boolean isStale() {
        return staleReason != null;
    }

    public boolean hasValue() {
        return lastGoodAt != null;
    }
}
