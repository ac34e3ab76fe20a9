package dev.warroom.metrics;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Capped exponential backoff with "equal"-style jitter. After {@code n} failures in a row the ceiling
 * is {@code min(max, base × 2^n)} and the delay is drawn uniformly from
 * {@code [ceiling × (1 − jitter), ceiling]}.
 *
 * <p>Why not full jitter (uniform in {@code [0, ceiling]}): a full-jitter draw can land near zero,
 * which would ask a struggling source again almost at once; with the random share bounded, each step
 * still waits at least {@code (1 − jitter)} of its ceiling, so the backoff really does slow down while
 * consoles still spread out. Immutable; the randomness is passed in so tests choose the draw.
 *
 * @param base   what the ceiling doubles from
 * @param max    the ceiling never goes above this
 * @param jitter the share of the ceiling drawn at random, in [0, 1)
 */
public record Backoff(Duration base, Duration max, double jitter) {

    public Backoff {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(max, "max");
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < base <= max, got " + base + " and " + max);
        }
        if (!(jitter >= 0 && jitter < 1)) {
            throw new IllegalArgumentException("jitter must be in [0, 1), got " + jitter);
        }
    }

    /** {@code min(max, base × 2^failures)}; zero when nothing has failed. */
    public Duration ceiling(int failures) {
        if (failures <= 0) {
            return Duration.ZERO;
        }
        Duration c = base;
        for (int i = 0; i < failures && c.compareTo(max) < 0; i++) {
            c = c.multipliedBy(2);
        }
        return c.compareTo(max) > 0 ? max : c;
    }

    /**
     * The delay after {@code failures} failures in a row for a {@code draw} in [0, 1): 0 gives the ceiling,
     * a draw close to 1 gives the shortest delay allowed.
     */
    public Duration delay(int failures, double draw) {
        if (!(draw >= 0 && draw < 1)) {
            throw new IllegalArgumentException("a draw must be in [0, 1), got " + draw);
        }
        Duration ceiling = ceiling(failures);
        long nanos = ceiling.toNanos();
        return Duration.ofNanos(nanos - Math.round(nanos * jitter * draw));
    }

    /** The delay with the draw taken from {@code random}. */
    public Duration delay(int failures, RandomGenerator random) {
        return delay(failures, random.nextDouble());
    }
}
