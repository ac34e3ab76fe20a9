package dev.warroom.drill;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.warroom.incident.Severity;
import dev.warroom.slo.Sli;
import dev.warroom.slo.Slo;
import dev.warroom.time.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads a drill scenario (YAML, snake_case keys); every error names the file, line and field. */
public final class ScenarioParser {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final String text;
    private final String source;

    private ScenarioParser(String text, String source) {
        this.text = text;
        this.source = source;
    }

    public static Scenario parse(String text, String source) {
        return new ScenarioParser(text, source).parse();
    }

    private Scenario parse() {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ScenarioFormatException(source, e.getLocation() == null ? 1 : e.getLocation().getLineNr(),
                    "not valid YAML: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ScenarioFormatException(source, 1, "a scenario is a YAML mapping (id, title, slo, traffic, failure, ...)");
        }
        String id = string(root, "id");
        JsonNode sloNode = object(root, "slo");
        Slo slo;
        try {
            slo = new Slo(string(sloNode, "name"), string(root, "service"), number(sloNode, "objective"),
                    duration(sloNode, "period"), Sli.badOverTotal(null, null));
        } catch (IllegalArgumentException e) {
            throw new ScenarioFormatException(source, line("objective"), "slo: " + e.getMessage());
        }
        JsonNode traffic = object(root, "traffic");
        double rps = number(traffic, "requests_per_second");
        if (!(rps > 0)) {
            throw new ScenarioFormatException(source, line("requests_per_second"), "traffic.requests_per_second must be > 0");
        }
        double baseline = fraction(traffic, "baseline_error_ratio");
        if (baseline >= slo.errorBudget()) {
            throw new ScenarioFormatException(source, line("baseline_error_ratio"),
                    "traffic.baseline_error_ratio " + baseline + " already spends the whole error budget ("
                            + slo.errorBudget() + "): the service could never recover");
        }
        JsonNode failure = object(root, "failure");
        JsonNode expect = object(root, "expect");
        Severity severity;
        try {
            severity = Severity.parse(string(expect, "severity"));
        } catch (IllegalArgumentException e) {
            throw new ScenarioFormatException(source, line("severity"), "expect.severity: " + e.getMessage());
        }
        List<Mitigation> mitigations = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        JsonNode list = root.get("mitigations");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new ScenarioFormatException(source, line("mitigations"), "mitigations: at least one mitigation is needed");
        }
        for (JsonNode m : list) {
            String mid = string(m, "id");
            if (!ids.add(mid)) {
                throw new ScenarioFormatException(source, line("id: " + mid), "mitigations: duplicate id '" + mid + "'");
            }
            mitigations.add(new Mitigation(mid, string(m, "title"), fraction(m, "restores"),
                    m.has("takes_effect_after") ? duration(m, "takes_effect_after") : Duration.ofMinutes(1),
                    m.path("reversible").asBoolean(true)));
        }
        return new Scenario(id, string(root, "title"), root.path("summary").asText(""), string(root, "service"),
                string(root, "symptom"), string(root, "alert"), string(root, "runbook"),
                root.path("root_cause").asText(""), slo, rps, baseline, duration(failure, "starts_after"),
                duration(failure, "ramp"), fraction(failure, "health"), severity, expect.path("max_steps").asInt(10),
                mitigations, source);
    }

    private JsonNode object(JsonNode parent, String field) {
        JsonNode n = parent.get(field);
        if (n == null || !n.isObject()) {
            throw new ScenarioFormatException(source, line(field), "'" + field + ":' is required and must be a mapping");
        }
        return n;
    }

    private String string(JsonNode parent, String field) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull() || n.asText().isBlank()) {
            throw new ScenarioFormatException(source, line(field), "'" + field + ":' is required");
        }
        return n.asText().strip();
    }

    private double number(JsonNode parent, String field) {
        JsonNode n = parent.get(field);
        if (n == null || !n.isNumber()) {
            throw new ScenarioFormatException(source, line(field), "'" + field + ":' must be a number");
        }
        return n.asDouble();
    }

    private double fraction(JsonNode parent, String field) {
        double v = number(parent, field);
        if (v < 0 || v > 1) {
            throw new ScenarioFormatException(source, line(field), "'" + field + ":' must be a fraction between 0 and 1, got " + v);
        }
        return v;
    }

    private Duration duration(JsonNode parent, String field) {
        try {
            return Durations.parse(string(parent, field));
        } catch (IllegalArgumentException e) {
            throw new ScenarioFormatException(source, line(field), field + ": " + e.getMessage());
        }
    }

    /** The first line mentioning {@code key:}; good enough to point a person at the field. */
    private int line(String key) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.startsWith(key + ":") || l.startsWith("- " + key + ":") || l.startsWith(key)) {
                return i + 1;
            }
        }
        return 1;
    }
}
