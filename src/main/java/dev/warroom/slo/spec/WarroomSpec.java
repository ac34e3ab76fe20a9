package dev.warroom.slo.spec;

import static dev.warroom.slo.spec.SpecDocument.Invalid;
import static dev.warroom.slo.spec.SpecDocument.child;
import static dev.warroom.slo.spec.SpecDocument.has;
import static dev.warroom.slo.spec.SpecDocument.labels;
import static dev.warroom.slo.spec.SpecDocument.optionalText;
import static dev.warroom.slo.spec.SpecDocument.text;
import static dev.warroom.slo.spec.SpecDocument.windowedQuery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warroom.slo.Sli;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * Warroom's own SLO format: one SLO per YAML document (several documents per file with {@code ---}),
 * for services that have neither Sloth nor OpenSLO files.
 *
 * <pre>
 * warroom: slo/v1                 # marks the format
 * name: requests-availability
 * service: checkout
 * objective: 99.9%                # or 0.999
 * period: 28d                     # rolling; m h d w
 * error_query: sum(rate(http_requests_total{job="checkout",code=~"5.."}[{{.window}}]))
 * total_query: sum(rate(http_requests_total{job="checkout"}[{{.window}}]))
 * labels:                         # optional
 *   team: payments
 * runbook_url: https://runbooks.example.com/checkout   # optional
 * </pre>
 *
 * The SLI is exactly one of: {@code error_query} and {@code total_query}; {@code good_query} and
 * {@code total_query}; or {@code error_ratio_query} (already a 0..1 error ratio). Every query holds
 * {@code {{.window}}}. The SLO's id is {@code service-name}, as Sloth would name it.
 */
final class WarroomSpec {
    static final String MARKER = "slo/v1";

    private WarroomSpec() {
    }

    static List<SloDefinition> read(SpecDocument doc) {
        JsonNode root = doc.root;
        String version = text(root, "", "warroom");
        if (!version.equals(MARKER)) {
            throw Invalid.at("warroom", "must be " + MARKER + " (the only version so far), got '" + SpecDocument.shorten(version) + "'");
        }
        String name = text(root, "", "name");
        String service = text(root, "", "service");
        JsonNode objectiveNode = child(root, "objective");
        BigDecimal objective;
        String written;
        if (objectiveNode != null && objectiveNode.isTextual() && objectiveNode.asText().strip().endsWith("%")) {
            written = objectiveNode.asText().strip();
            try {
                objective = new BigDecimal(written.substring(0, written.length() - 1).strip()).movePointLeft(2);
            } catch (NumberFormatException e) {
                throw Invalid.at("objective", "'" + SpecDocument.shorten(written) + "' is not a percentage, e.g. 99.9%");
            }
        } else {
            objective = SpecDocument.number(root, "", "objective");
            written = objective.toPlainString();
            if (objective.compareTo(BigDecimal.ONE) > 0 && objective.compareTo(BigDecimal.valueOf(100)) < 0) {
                throw Invalid.at("objective", written + " reads as a percentage: write " + written + "% or "
                        + objective.movePointLeft(2).toPlainString());
            }
        }
        Duration period = SpecDocument.duration(root, "", "period");
        Sli sli = sli(root);
        return List.of(new SloDefinition(SpecDocument.slo(name, service, objective, "objective", written, period, sli),
                labels(root, "", "labels"), service + "-" + name, optionalRunbook(root), doc.origin("name")));
    }

    private static Sli sli(JsonNode root) {
        boolean error = has(root, "error_query");
        boolean good = has(root, "good_query");
        boolean ratio = has(root, "error_ratio_query");
        int kinds = (error ? 1 : 0) + (good ? 1 : 0) + (ratio ? 1 : 0);
        if (kinds != 1) {
            throw Invalid.at(kinds == 0 ? "name" : "error_query", kinds == 0
                    ? "an SLO needs error_query and total_query, good_query and total_query, or error_ratio_query"
                    : "write one of error_query, good_query and error_ratio_query, not several");
        }
        if (ratio) {
            if (has(root, "total_query")) {
                throw Invalid.at("total_query", "goes with error_query or good_query, not with error_ratio_query");
            }
            return Sli.errorRatio(windowedQuery(root, "", "error_ratio_query"));
        }
        String counted = windowedQuery(root, "", error ? "error_query" : "good_query");
        String total = windowedQuery(root, "", "total_query");
        return error ? Sli.badOverTotal(counted, total) : Sli.goodOverTotal(counted, total);
    }

    private static String optionalRunbook(JsonNode root) {
        String url = optionalText(root, "", "runbook_url");
        return url == null || url.isBlank() ? null : url.strip();
    }
}
