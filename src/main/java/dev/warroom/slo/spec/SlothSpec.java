package dev.warroom.slo.spec;

import static dev.warroom.slo.spec.SpecDocument.Invalid;
import static dev.warroom.slo.spec.SpecDocument.child;
import static dev.warroom.slo.spec.SpecDocument.has;
import static dev.warroom.slo.spec.SpecDocument.labels;
import static dev.warroom.slo.spec.SpecDocument.list;
import static dev.warroom.slo.spec.SpecDocument.number;
import static dev.warroom.slo.spec.SpecDocument.object;
import static dev.warroom.slo.spec.SpecDocument.optionalObject;
import static dev.warroom.slo.spec.SpecDocument.optionalText;
import static dev.warroom.slo.spec.SpecDocument.text;
import static dev.warroom.slo.spec.SpecDocument.windowedQuery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warroom.slo.Sli;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sloth's service specs: {@code version: "prometheus/v1"} (snake_case keys at the top level) and the
 * Kubernetes {@code PrometheusServiceLevel} resource (the same spec under {@code spec:}, camelCase).
 * Sloth takes the period from its command line, 30 days unless told otherwise; so does this reader.
 */
final class SlothSpec {
    /** Sloth's {@code --default-slo-period}. */
    static final Duration DEFAULT_PERIOD = Duration.ofDays(30);

    private final SpecDocument doc;
    private final boolean kubernetes;

    private SlothSpec(SpecDocument doc, boolean kubernetes) {
        this.doc = doc;
        this.kubernetes = kubernetes;
    }

    static List<SloDefinition> readPrometheusV1(SpecDocument doc) {
        return new SlothSpec(doc, false).read(doc.root, "");
    }

    static List<SloDefinition> readKubernetes(SpecDocument doc) {
        return new SlothSpec(doc, true).read(object(doc.root, "", "spec"), "spec");
    }

    private String key(String snake) {
        if (!kubernetes) {
            return snake;
        }
        StringBuilder b = new StringBuilder();
        boolean up = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                up = true;
            } else {
                b.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return b.toString();
    }

    private List<SloDefinition> read(JsonNode spec, String at) {
        String service = text(spec, at, "service");
        Map<String, String> serviceLabels = labels(spec, at, "labels");
        JsonNode slos = list(spec, at, "slos");
        List<SloDefinition> out = new ArrayList<>();
        for (int i = 0; i < slos.size(); i++) {
            String sloAt = SpecDocument.path(at, "slos") + "[" + i + "]";
            JsonNode slo = slos.get(i);
            if (!slo.isObject()) {
                throw Invalid.at(sloAt, "must be a mapping with name, objective and sli");
            }
            out.add(readSlo(service, serviceLabels, slo, sloAt));
        }
        return out;
    }

    private SloDefinition readSlo(String service, Map<String, String> serviceLabels, JsonNode slo, String at) {
        String name = text(slo, at, "name");
        BigDecimal percent = number(slo, at, "objective");
        String objectiveAt = SpecDocument.path(at, "objective");
        if (percent.compareTo(BigDecimal.valueOf(100)) > 0 || percent.signum() <= 0) {
            throw Invalid.at(objectiveAt, "is a percentage in (0, 100], e.g. 99.9; got " + percent.toPlainString());
        }
        Map<String, String> labels = new LinkedHashMap<>(serviceLabels);
        labels.putAll(labels(slo, at, "labels"));
        Sli sli = sli(object(slo, at, "sli"), SpecDocument.path(at, "sli"));
        JsonNode alerting = optionalObject(slo, at, "alerting");
        String alertingAt = SpecDocument.path(at, "alerting");
        String runbook = runbook(alerting, alertingAt);
        return new SloDefinition(
                SpecDocument.slo(name, service, percent.movePointLeft(2), objectiveAt, percent.toPlainString(),
                        DEFAULT_PERIOD, sli),
                labels, service + "-" + name, runbook, doc.origin(at));
    }

    private Sli sli(JsonNode sli, String at) {
        int kinds = (has(sli, "events") ? 1 : 0) + (has(sli, "raw") ? 1 : 0) + (has(sli, "plugin") ? 1 : 0);
        if (kinds != 1) {
            throw Invalid.at(at, kinds == 0 ? "needs one of events (error and total queries) or raw (an error ratio query)"
                    : "has more than one of events, raw and plugin; Sloth takes exactly one");
        }
        if (has(sli, "plugin")) {
            JsonNode plugin = child(sli, "plugin");
            String id = plugin.isObject() ? optionalText(plugin, at + ".plugin", "id") : null;
            throw Invalid.unsupported(at + ".plugin", id == null ? "" : "(" + id + ")",
                    "a Sloth SLI plugin builds its queries in Go code that Warroom cannot run;"
                            + " write the SLI as events (error_query and total_query) or raw (error_ratio_query)");
        }
        if (has(sli, "events")) {
            String eventsAt = at + ".events";
            JsonNode events = object(sli, at, "events");
            String error = windowedQuery(events, eventsAt, key("error_query"));
            String total = windowedQuery(events, eventsAt, key("total_query"));
            return Sli.badOverTotal(error, total);
        }
        JsonNode raw = object(sli, at, "raw");
        return Sli.errorRatio(windowedQuery(raw, at + ".raw", key("error_ratio_query")));
    }

    /** Sloth has no runbook field; people put it in the alert annotations, as runbook_url or runbook. */
    private String runbook(JsonNode alerting, String at) {
        if (alerting == null) {
            return null;
        }
        List<String[]> places = List.of(new String[] {"annotations"},
                new String[] {key("page_alert"), "annotations"}, new String[] {key("ticket_alert"), "annotations"});
        for (String[] place : places) {
            JsonNode node = alerting;
            String path = at;
            for (String k : place) {
                node = child(node, k);
                path = SpecDocument.path(path, k);
            }
            if (node != null && node.isObject()) {
                for (String k : List.of("runbook_url", "runbook")) {
                    String url = optionalText(node, path, k);
                    if (url != null && !url.isBlank()) {
                        return url.strip();
                    }
                }
            }
        }
        return null;
    }
}
