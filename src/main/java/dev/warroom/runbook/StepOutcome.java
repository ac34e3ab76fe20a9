package dev.warroom.runbook;

import java.time.Instant;

/**
 * What was done with one step of a runbook run, as the timeline records it.
 *
 * @param reason       why a step was skipped or failed; null for an ack
 * @param mitigation   the mitigation recorded as applied with the ack, or null
 * @param verification the step's check after its ack, or null when it has none (or was not acked)
 */
public record StepOutcome(int step, String title, Action action, String actor, Instant at, String reason,
                          String mitigation, Verification verification) {

    public enum Action {
        ACKED, SKIPPED, FAILED;

        public String word() {
            return switch (this) {
                case ACKED -> "acked";
                case SKIPPED -> "skipped";
                case FAILED -> "failed";
            };
        }
    }

    /** A {@code step_verified} event: the check as written, the value seen (NaN: no data), the verdict. */
    public record Verification(String check, double observed, boolean passed) {
    }

    StepOutcome withMitigation(String id) {
        return new StepOutcome(step, title, action, actor, at, reason, id, verification);
    }

    StepOutcome withVerification(Verification v) {
        return new StepOutcome(step, title, action, actor, at, reason, mitigation, v);
    }
}
