package dev.warroom.ui.runbook;

import java.util.Locale;

/**
 * One step of the checklist as the Runbook panel shows it: its state in words and a box, and the
 * lines under it. Lines that do not apply are null.
 *
 * @param when     "by li 02:19:02Z" (UTC, the incident's clock), null while pending
 * @param reason   why it was skipped or failed
 * @param verify   "verify: sli >= 0.82 → 0.8474 passed", "verify: sli >= 0.92 → not yet"
 * @param verifyState "verify-passed", "verify-failed", "verify-nodata" or "verify-pending"; null without a check
 * @param expect   "expect: error ratio falls ..."
 * @param rollback "rollback: warroomctl ... (reversible)"
 * @param text     the step's own words, plain; only for the current step
 */
public record StepRow(int number, String title, State state, String when, String reason, String verify,
                      String verifyState, String expect, String rollback, String text) {

    public enum State {
        ACKED("[x]", "acked"),
        CURRENT("[>]", "now"),
        PENDING("[ ]", "pending"),
        SKIPPED("[-]", "skipped"),
        FAILED("[!]", "FAILED");

        private final String box;
        private final String word;

        State(String box, String word) {
            this.box = box;
            this.word = word;
        }

        /** The checkbox a terminal would draw: [x] [>] [ ] [-] [!]. */
        public String box() {
            return box;
        }

        /** The state in a word, always shown next to its colour. */
        public String word() {
            return word;
        }

        /** "step-acked", "step-current", ... */
        public String styleClass() {
            return "step-" + name().toLowerCase(Locale.ROOT);
        }
    }

    /** "[x] 1 Confirm the errors come from the provider". */
    public String headline() {
        return state.box() + " " + number + " " + title;
    }
}
