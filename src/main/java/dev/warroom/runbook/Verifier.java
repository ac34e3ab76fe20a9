package dev.warroom.runbook;

import java.time.Duration;

/**
 * Measures what a runbook run needs: a step's {@code verify:} check after its ack, and the SLO's
 * SLI for the recovery watch. Drills answer from the mock system; live runs from the metrics source.
 *
 * <p>Threading: {@link RunbookRun} calls both methods on the thread that acted on the run, and
 * {@link #check} may block until the step had time to take effect (a live source waits real minutes
 * for its observation window, a drill moves its virtual clock). So a console calls
 * {@code ack} from a background executor, never from the FX thread. Implementations must not call
 * back into the run.
 */
public interface Verifier {

    /**
     * Measures {@code check} for {@code step}, which was just acked. A source that cannot answer
     * (no data, or a PromQL check without a metrics source) returns {@link Reading#noData}: a check
     * is never reported as passed without a measurement.
     */
    Reading check(RunbookStep step, VerifyCheck check);

    /** The SLO's SLI (good / total) over the trailing {@code window} ending now, without waiting. */
    Reading sli(Duration window);

    /**
     * One measurement.
     *
     * @param value    the observed number; NaN when there was no data
     * @param window   what it was measured over
     * @param requests events behind the value when the source counts them, else null
     * @param bad      bad events behind the value when the source counts them, else null
     * @param why      for a reading without data, the reason in words; null otherwise
     */
    record Reading(double value, Duration window, Long requests, Long bad, String why) {

        public static Reading noData(Duration window, String why) {
            return new Reading(Double.NaN, window, null, null, why);
        }

        public boolean hasData() {
            return !Double.isNaN(value);
        }
    }
}
