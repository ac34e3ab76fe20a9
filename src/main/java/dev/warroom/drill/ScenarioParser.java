package dev.warroom.drill;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warroom.incident.Severity;
import dev.warroom.config.YamlSource;
import dev.warroom.slo.Sli;
import dev.warroom.slo.Slo;
import dev.warroom.time.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads a drill scenario (YAML, snake_case keys); every error names the file, the line and the field. */
public final class ScenarioParser {
    private final String source;
    private YamlSource yaml;

    private ScenarioParser(String source) {
        this.source = source;
    }

    public static Scenario parse(String text, String source) {
        return new ScenarioParser(source).parse(text);
    }

    private Scenario parse(String text) {
        try {
            yaml = YamlSource.parse(text, 1);
        } catch (YamlSource.Problem e) {
            throw new ScenarioFormatException(source, e.line(), e.getMessage());
        }
        JsonNode root = yaml.tree();
        if (root == null || !root.isObject()) {
            throw new ScenarioFormatException(source, 1, "a scenario is a YAML mapping (id, title, slo, traffic, failure, ...)");
        }
        String id = string(root, "", "id");
        JsonNode sloNode = object(root, "", "slo");
        double objective = number(sloNode, "slo", "objective");
        Duration period = duration(sloNode, "slo", "period");
        Slo slo;
        try {
            slo = new Slo(string(sloNode, "slo", "name"), string(root, "", "service"), objective, period,
                    Sli.badOverTotal(null, null));
        } catch (IllegalArgumentException e) {
            String field = e.getMessage().contains("period") ? "slo.period" : "slo.objective";
            throw error(field, e.getMessage());
        }
        JsonNode traffic = object(root, "", "traffic");
        double rps = number(traffic, "traffic", "requests_per_second");
        if (!(rps > 0)) {
            throw error("traffic.requests_per_second", "must be > 0");
        }
        double baseline = fraction(traffic, "traffic", "baseline_error_ratio");
        if (baseline >= slo.errorBudget()) {
            throw error("traffic.baseline_error_ratio", baseline + " already spends the whole error budget ("
                    + slo.errorBudget() + "): the service could never recover");
        }
        JsonNode failure = object(root, "", "failure");
        JsonNode expect = object(root, "", "expect");
        Severity severity;
        try {
            severity = Severity.parse(string(expect, "expect", "severity"));
        } catch (IllegalArgumentException e) {
            throw error("expect.severity", e.getMessage());
        }
        JsonNode list = root.get("mitigations");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw error("mitigations", "at least one mitigation is needed");
        }
        List<Mitigation> mitigations = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode m = list.get(i);
            String at = "mitigations[" + i + "]";
            String mid = string(m, at, "id");
            if (!ids.add(mid)) {
                throw error(at + ".id", "duplicate mitigation id '" + mid + "'");
            }
            mitigations.add(new Mitigation(mid, string(m, at, "title"), fraction(m, at, "restores"),
                    m.has("takes_effect_after") ? duration(m, at, "takes_effect_after") : Duration.ofMinutes(1),
                    m.path("reversible").asBoolean(true)));
        }
        return new Scenario(id, string(root, "", "title"), root.path("summary").asText(""), string(root, "", "service"),
                string(root, "", "symptom"), string(root, "", "alert"), string(root, "", "runbook"),
                root.path("root_cause").asText(""), slo, rps, baseline, duration(failure, "failure", "starts_after"),
                duration(failure, "failure", "ramp"), fraction(failure, "failure", "health"), severity,
                expect.path("max_steps").asInt(10), mitigations, source);
    }

    private ScenarioFormatException error(String path, String message) {
        return new ScenarioFormatException(source, yaml.line(path), path + ": " + message);
    }

    private static String path(String parent, String field) {
        return parent.isEmpty() ? field : parent + "." + field;
    }

    private JsonNode object(JsonNode parent, String at, String field) {
        JsonNode n = parent.get(field);
        if (n == null || !n.isObject()) {
            throw error(path(at, field), "is required and must be a mapping");
        }
        return n;
    }

    private String string(JsonNode parent, String at, String field) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull() || n.asText().isBlank()) {
            throw error(path(at, field), "is required");
        }
        return n.asText().strip();
    }

    private double number(JsonNode parent, String at, String field) {
        JsonNode n = parent.get(field);
        if (n == null || !n.isNumber()) {
            throw error(path(at, field), "must be a number");
        }
        return n.asDouble();
    }

    private double fraction(JsonNode parent, String at, String field) {
        double v = number(parent, at, field);
        if (v < 0 || v > 1) {
            throw error(path(at, field), "must be a fraction between 0 and 1, got " + v);
        }
        return v;
    }

    private Duration duration(JsonNode parent, String at, String field) {
        try {
            return Durations.parse(string(parent, at, field));
        } catch (IllegalArgumentException e) {
            throw error(path(at, field), e.getMessage());
        }
    }
}
