package dev.warroom.runbook;

import java.util.List;
import java.util.Map;

/**
 * A runbook: front matter that says when it applies, and ordered steps.
 *
 * @param source  where it was loaded from (a file path or "runbooks/x.md" on the classpath)
 * @param version content hash (first 12 hex digits of SHA-256), so a timeline names the exact text run
 */
public record Runbook(String id, String title, List<String> services, String severity, List<String> symptoms,
                      List<String> alerts, Map<String, Object> owners, List<String> sideEffects, String intro,
                      List<RunbookStep> steps, String source, String version) {

    public Runbook {
        services = List.copyOf(services);
        symptoms = List.copyOf(symptoms);
        alerts = List.copyOf(alerts);
        sideEffects = List.copyOf(sideEffects);
        steps = List.copyOf(steps);
        owners = owners == null ? Map.of() : Map.copyOf(owners);
    }
}
