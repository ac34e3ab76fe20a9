package dev.warroom.slo.spec;

import dev.warroom.slo.Slo;
import java.util.Map;
import java.util.Objects;

/**
 * One SLO as an imported spec defines it. The {@link Slo}'s SLI carries the spec's queries with the
 * window still written as {@value SloSpecs#WINDOW}, so a query plan can fill in any window.
 *
 * @param slo        the objective, period and SLI queries
 * @param labels     the spec's labels (service-wide merged with the SLO's own)
 * @param slothId    {@code service-name}: the value of the {@code sloth_id} label on Sloth's recording
 *                   rules, and the key that must be unique across every imported file
 * @param runbookUrl from the alerting annotations ({@code runbook_url}, else {@code runbook}); null if none
 * @param origin     where it was defined, {@code file.yml:12}
 */
public record SloDefinition(Slo slo, Map<String, String> labels, String slothId, String runbookUrl, String origin) {

    public SloDefinition {
        Objects.requireNonNull(slo, "slo");
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        if (slothId == null || slothId.isBlank()) {
            throw new IllegalArgumentException("an SLO definition needs its id (service-name)");
        }
        Objects.requireNonNull(origin, "origin");
    }

    public String name() {
        return slo.name();
    }
}
