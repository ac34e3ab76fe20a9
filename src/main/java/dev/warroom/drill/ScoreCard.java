package dev.warroom.drill;

import dev.warroom.incident.Severity;
import java.time.Duration;

/**
 * How a drill went against what good looks like. Every duration counts from declaration and is
 * null when that moment never came; every target is null when the severity sets none.
 *
 * @param suggestedRunbook what triage ranked first for the scenario's symptom and alert
 * @param runbookRun       the runbook the responders started, null if none
 */
public record ScoreCard(String scenario, String incidentId, Severity severity, Duration timeToAck, Duration ackTarget,
                        Duration timeToStatusUpdate, Duration statusUpdateTarget, Duration timeToMitigate,
                        Duration timeToResolve, Duration resolveTarget, int escalations, String suggestedRunbook,
                        String runbookRun) {

    public boolean followedSuggestion() {
        return runbookRun != null && runbookRun.equals(suggestedRunbook);
    }

    /** True, false, or null when the moment or the target is missing. */
    public static Boolean met(Duration took, Duration target) {
        return took == null || target == null ? null : took.compareTo(target) <= 0;
    }
}
