package dev.warroom.postmortem;

import java.time.LocalDate;

/**
 * One follow-up of the postmortem. Warroom proposes items for what the timeline shows went wrong
 * (a failed runbook step, a missed target); owner and due date are proposals the review confirms.
 *
 * @param due      null when nothing is due (a Sev-3 has no postmortem deadline to align with)
 * @param priority P1 (do before anything else) to P3
 * @param source   the timeline fact the item comes from, e.g. "step 3 failed at +12m"
 */
public record ActionItem(String action, String owner, LocalDate due, String priority, String source) {

    public ActionItem {
        if (action == null || action.isBlank()) {
            throw new IllegalArgumentException("an action item needs an action");
        }
    }
}
