package dev.warroom.drill;

import dev.warroom.incident.Incident;
import dev.warroom.incident.TimelineEvent;
import java.time.Instant;
import java.util.List;

/**
 * What a drill did.
 *
 * @param stepsRun     runbook steps acted on before the SLI recovered (or all of them if it did not)
 * @param sliReadings  every SLI observed after a mitigation, in order
 * @param start        the virtual instant the mock system started at
 */
public record DrillResult(Scenario scenario, Incident incident, List<TimelineEvent> events, String runbookId,
                          boolean suggestedRunbookWasExpected, int stepsRun, int runbookSteps,
                          List<Double> sliReadings, boolean recovered, long seed, Instant start) {
}
