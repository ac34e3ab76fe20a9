package dev.warroom.metrics;

import dev.warroom.time.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Remembers, per key, the last good value's instant and how the last attempt went, and answers
 * {@link Freshness} at any moment. A value is stale when its last attempt failed (the reason is the
 * failure's message, already redacted by the source) or when it is older than {@code staleAfter} although
 * nothing failed: the poller stopped, fell behind, or no longer asks for it.
 *
 * <p>Thread-safe: the poller records, the FX thread reads. Attempts are ordered by their evaluation
 * instant; one older than the last recorded attempt for its key is ignored.
 */
public final class FreshnessTracker {
    /** An answered query with no samples: the series is gone or has not started. */
    public static final String NO_DATA = "no data";
    /** A key that was never attempted. */
    public static final String NO_VALUE_YET = "no value yet";

    private final Duration staleAfter;
    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();

    private record Entry(Instant lastGoodAt, Instant lastAttemptAt, String failure) {
    }

    /** Stale after two of the poller's intervals without a new value. */
    public FreshnessTracker(PollSettings settings) {
        this(settings.staleAfter());
    }

    public FreshnessTracker(Duration staleAfter) {
        Objects.requireNonNull(staleAfter, "staleAfter");
        if (staleAfter.isNegative() || staleAfter.isZero()) {
            throw new IllegalArgumentException("stale-after must be positive, got " + staleAfter);
        }
        this.staleAfter = staleAfter;
    }

    public Duration staleAfter() {
        return staleAfter;
    }

    /** {@code key} had a good value evaluated at {@code at}. */
    public void good(String key, Instant at) {
        attempt(key, at, null);
    }

    /** The attempt at {@code at} gave no usable value, because of {@code reason} (badge wording, redacted). */
    public void failed(String key, Instant at, String reason) {
        attempt(key, at, reason == null || reason.isBlank() ? NO_DATA : reason);
    }

    public void failed(String key, Instant at, SourceException failure) {
        attempt(key, at, reason(failure));
    }

    /**
     * Records every query of a cycle under the query's own text: samples are a good value, an empty
     * answer is {@link #NO_DATA}, a failure is its message. Callers for whom an empty vector is a
     * legitimate answer (no firing alerts) record those queries with {@link #good} themselves.
     */
    public void record(PollResult result) {
        for (QueryOutcome o : result.outcomes()) {
            if (!o.isAnswered()) {
                failed(o.query(), result.at(), o.failure());
            } else if (o.samples().isEmpty()) {
                failed(o.query(), result.at(), NO_DATA);
            } else {
                good(o.query(), result.at());
            }
        }
    }

    /** How fresh {@code key} is at {@code now}. */
    public Freshness at(String key, Instant now) {
        Entry e = entries.get(key);
        if (e == null) {
            return new Freshness(key, null, null, NO_VALUE_YET);
        }
        if (e.lastGoodAt() == null) {
            return new Freshness(key, null, null, e.failure());
        }
        Duration age = Duration.between(e.lastGoodAt(), now);
        if (age.isNegative()) {
            age = Duration.ZERO;
        }
        if (e.failure() != null) {
            return new Freshness(key, e.lastGoodAt(), age, e.failure());
        }
        if (age.compareTo(staleAfter) > 0) {
            return new Freshness(key, e.lastGoodAt(), age, "no new value in " + Durations.format(staleAfter));
        }
        return new Freshness(key, e.lastGoodAt(), age, null);
    }

    /** Every key seen so far, by key. */
    public Map<String, Freshness> all(Instant now) {
        Map<String, Freshness> all = new TreeMap<>();
        for (String key : entries.keySet()) {
            all.put(key, at(key, now));
        }
        return all;
    }

    /** Drops a key that is no longer shown, so the tracker does not keep every query ever polled. */
    public void forget(String key) {
        entries.remove(key);
    }

    /** The badge wording for a failure: its message, or the kind in words when the source gave none. */
    public static String reason(SourceException failure) {
        String message = failure.getMessage();
        if (message != null && !message.isBlank()) {
            return message;
        }
        return switch (failure.failure()) {
            case UNREACHABLE -> "unreachable";
            case TIMEOUT -> "timeout";
            case UNAVAILABLE -> "unavailable";
            case UNAUTHORIZED -> "unauthorized";
            case BAD_QUERY -> "bad query";
            case MALFORMED -> "malformed answer";
        };
    }

    private void attempt(String key, Instant at, String failure) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(at, "at");
        entries.compute(key, (k, e) -> {
            if (e != null && at.isBefore(e.lastAttemptAt())) {
                return e;
            }
            Instant lastGood = failure == null ? at : e == null ? null : e.lastGoodAt();
            return new Entry(lastGood, at, failure);
        });
    }
}
