package dev.warroom.drill;

import dev.warroom.incident.Severity;
import dev.warroom.slo.Slo;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A failure the mock system can play: steady traffic, then health falls to {@code health} over
 * {@code ramp}, until mitigations restore it.
 *
 * @param symptom        what a responder would say; triage starts from it
 * @param baselineErrorRatio bad requests when healthy
 * @param expectSeverity the tier the burn-rate policy must raise
 * @param maxSteps       the runbook must recover the SLI within this many steps
 */
public record Scenario(String id, String title, String summary, String service, String symptom, String alert,
                       String runbook, String rootCause, Slo slo, double requestsPerSecond, double baselineErrorRatio,
                       Duration startsAfter, Duration ramp, double health, Severity expectSeverity, int maxSteps,
                       List<Mitigation> mitigations, String source) {

    public Scenario {
        mitigations = List.copyOf(mitigations);
    }

    public Optional<Mitigation> mitigation(String mitigationId) {
        return mitigations.stream().filter(m -> m.id().equals(mitigationId)).findFirst();
    }
}
