package dev.warroom.metrics;

import java.time.Duration;
import java.util.Objects;

/**
 * How one {@link Poller} treats its source. How long a single query may take is not here: that is
 * the source's timeout, and its failure arrives as {@link SourceException.Failure#TIMEOUT}.
 *
 * @param interval     how often a healthy source is polled; also what "stale" is measured in (see
 *                     {@link #staleAfter()})
 * @param maxInFlight  at most this many queries of one source are waiting for an answer at once, so a
 *                     board of twenty SLOs does not open twenty connections to one Prometheus
 * @param backoffBase  what the backoff doubles from: after {@code n} failed cycles in a row the next poll
 *                     waits up to {@code backoffBase × 2^n}. The default is the interval, so a failing
 *                     source is never asked more often than a healthy one (a shorter base, say 5 s, would
 *                     triple the load on a Prometheus that is already struggling)
 * @param backoffMax   the longest a failing source waits between polls
 * @param jitter       the share of each backoff delay drawn at random, in [0, 1): with 0.2 the delay falls
 *                     anywhere in the top fifth below its ceiling, so consoles that lost the same
 *                     Prometheus at the same moment do not all come back at the same second
 */
public record PollSettings(Duration interval, int maxInFlight, Duration backoffBase, Duration backoffMax,
                           double jitter) {
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(15);
    public static final int DEFAULT_MAX_IN_FLIGHT = 4;
    public static final Duration DEFAULT_BACKOFF_MAX = Duration.ofMinutes(5);
    public static final double DEFAULT_JITTER = 0.2;

    public PollSettings {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(backoffBase, "backoffBase");
        Objects.requireNonNull(backoffMax, "backoffMax");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("poll interval must be positive, got " + interval);
        }
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("at least one query must be allowed in flight, got " + maxInFlight);
        }
        if (backoffBase.isNegative() || backoffBase.isZero()) {
            throw new IllegalArgumentException("backoff base must be positive, got " + backoffBase);
        }
        if (backoffMax.compareTo(backoffBase) < 0 || backoffMax.compareTo(interval) < 0) {
            throw new IllegalArgumentException("backoff max " + backoffMax + " is shorter than the base "
                    + backoffBase + " or the interval " + interval);
        }
        if (!(jitter >= 0 && jitter < 1)) {
            throw new IllegalArgumentException("jitter must be in [0, 1), got " + jitter);
        }
    }

    /** Every 15 s, 4 in flight, backoff from 15 s up to 5 min with 20 % jitter. */
    public static PollSettings defaults() {
        return every(DEFAULT_INTERVAL);
    }

    /** The defaults at another interval; the backoff base follows the interval. */
    public static PollSettings every(Duration interval) {
        Duration max = interval.compareTo(DEFAULT_BACKOFF_MAX) > 0 ? interval : DEFAULT_BACKOFF_MAX;
        return new PollSettings(interval, DEFAULT_MAX_IN_FLIGHT, interval, max, DEFAULT_JITTER);
    }

    public PollSettings withMaxInFlight(int n) {
        return new PollSettings(interval, n, backoffBase, backoffMax, jitter);
    }

    public PollSettings withBackoff(Duration base, Duration max, double jitterShare) {
        return new PollSettings(interval, maxInFlight, base, max, jitterShare);
    }

    /**
     * How old the last good value may get before it is shown as stale although nothing failed: two
     * intervals, so one late or skipped poll is tolerated but a poller that stopped is not.
     */
    public Duration staleAfter() {
        return interval.multipliedBy(2);
    }

    /** The backoff these settings describe. */
    public Backoff backoff() {
        return new Backoff(backoffBase, backoffMax, jitter);
    }
}
