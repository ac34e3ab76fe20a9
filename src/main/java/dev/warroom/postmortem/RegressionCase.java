package dev.warroom.postmortem;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.warroom.incident.EventPayload;
import dev.warroom.incident.Incident;
import dev.warroom.incident.Severity;
import dev.warroom.incident.TimelineEvent;
import java.util.List;

/**
 * An incident turned into a replayable expectation: the scenario that caused it must page at the
 * same tier, triage must suggest the same runbook, and that runbook must recover it in as many steps.
 */
@JsonPropertyOrder({"id", "incident", "scenario", "seed", "expect"})
public record RegressionCase(String id, String incident, String scenario, long seed, Expectation expect) {

    /**
     * @param maxSteps runbook steps the recovery may take
     * @param minSli   the SLI the recovery must reach (the objective)
     */
    public record Expectation(Severity severity, String alert, String runbook, int maxSteps, double minSli) {
    }

    /** The case an incident leaves behind; it needs a drill scenario to be replayable. */
    public static RegressionCase from(Incident incident, List<TimelineEvent> events, long seed) {
        String alert = null;
        String runbook = null;
        int steps = 0;
        double objective = Double.NaN;
        for (TimelineEvent e : events) {
            EventPayload p = e.payload();
            if (p instanceof EventPayload.AlertFired a && alert == null) {
                alert = a.alert();
            } else if (p instanceof EventPayload.RunbookStarted r && runbook == null) {
                runbook = r.runbook();
            } else if (p instanceof EventPayload.StepAcked || p instanceof EventPayload.StepSkipped) {
                steps++;
            } else if (p instanceof EventPayload.SliObserved o) {
                objective = o.objective();
            }
        }
        String scenario = incident.scenario() == null ? incident.service() : incident.scenario();
        return new RegressionCase(scenario + "-" + incident.id().toLowerCase(), incident.id(), scenario, seed,
                new Expectation(incident.severity(), alert, runbook, steps, objective));
    }
}
