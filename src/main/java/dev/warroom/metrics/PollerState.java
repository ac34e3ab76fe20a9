package dev.warroom.metrics;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a {@link Poller} stands, for the data-source health view. Immutable; the poller replaces it
 * after every cycle.
 *
 * @param source              the source's name
 * @param lastPollAt          the evaluation instant of the last finished cycle; null before the first
 * @param nextPollAt          when the next cycle is due; null before the first cycle and after close
 * @param consecutiveFailures cycles in a row in which no query was answered, whatever the reason
 * @param backingOff          the next poll waits longer than the interval because the source looks down
 * @param lastError           the first failure of the last cycle, already redacted; null when that cycle
 *                            had none
 */
public record PollerState(String source, Instant lastPollAt, Instant nextPollAt, int consecutiveFailures,
                          boolean backingOff, String lastError) {

    public PollerState {
        Objects.requireNonNull(source, "source");
    }

    static PollerState before(String source) {
        return new PollerState(source, null, null, 0, false, null);
    }

    PollerState closed() {
        return new PollerState(source, lastPollAt, null, consecutiveFailures, backingOff, lastError);
    }
}
