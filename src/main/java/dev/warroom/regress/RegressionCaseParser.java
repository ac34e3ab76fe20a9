package dev.warroom.regress;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warroom.incident.Severity;
import dev.warroom.postmortem.RegressionCase;
import dev.warroom.time.Durations;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a regression case (the JSON {@link RegressionCase#toJson} writes). Every problem is a
 * {@link CaseFormatException} naming the file, the line (from Jackson's token locations) and the
 * field; nothing else escapes, whatever the input.
 */
public final class RegressionCaseParser {
    /** Cases are a few kilobytes; anything much larger is not one. */
    static final int MAX_CHARS = 256 * 1024;
    /** Replays simulate every second, so shapes are kept to what a replay can play in moments. */
    private static final Duration MAX_DELAY = Duration.ofDays(1);
    private static final double MAX_RPS = 100_000;
    private static final int MAX_MITIGATIONS = 100;
    private static final int MAX_STEPS = 1000;

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final Map<String, Set<String>> FIELDS = Map.of(
            "", Set.of("id", "incident", "scenario", "seed", "start", "title", "service", "symptom", "alert", "slo",
                    "traffic", "failure", "mitigations", "expect"),
            "slo", Set.of("name", "objective", "period"),
            "traffic", Set.of("requests_per_second", "baseline_error_ratio"),
            "failure", Set.of("starts_after", "ramp", "health"),
            "mitigations[]", Set.of("id", "title", "restores", "takes_effect_after", "reversible"),
            "expect", Set.of("severity", "action", "runbook", "max_steps", "min_sli"));

    private final String source;
    private final Map<String, Integer> lines = new HashMap<>();

    private RegressionCaseParser(String source) {
        this.source = source;
    }

    public static RegressionCase parse(String text, String source) {
        return new RegressionCaseParser(source).parse(text);
    }

    private RegressionCase parse(String text) {
        if (text.length() > MAX_CHARS) {
            throw new CaseFormatException(source, 1, "", "is " + text.length() + " characters; a regression case is"
                    + " a small JSON object (at most " + MAX_CHARS + ")");
        }
        JsonNode root = tree(text);
        if (!root.isObject()) {
            throw error("", "a regression case is a JSON object (id, seed, slo, traffic, failure, mitigations, expect)");
        }
        checkFields(root, "", "");
        String id = string(root, "", "id");
        long seed = seed(root);
        Instant start = instant(root);

        JsonNode sloNode = object(root, "", "slo");
        RegressionCase.SloSpec slo = new RegressionCase.SloSpec(string(sloNode, "slo", "name"),
                number(sloNode, "slo", "objective", 0, 1, false), duration(sloNode, "slo", "period", null, true));
        double budget = java.math.BigDecimal.ONE.subtract(java.math.BigDecimal.valueOf(slo.objective())).doubleValue();

        JsonNode t = object(root, "", "traffic");
        double rps = number(t, "traffic", "requests_per_second", 0, MAX_RPS, false);
        double baseline = number(t, "traffic", "baseline_error_ratio", 0, 1, true);
        if (baseline >= budget) {
            throw error("traffic.baseline_error_ratio", baseline + " already spends the whole error budget (" + budget
                    + "): the service could never recover");
        }
        JsonNode f = object(root, "", "failure");
        RegressionCase.Failure failure = new RegressionCase.Failure(duration(f, "failure", "starts_after", null, false),
                duration(f, "failure", "ramp", null, false), number(f, "failure", "health", 0, 1, true));

        List<RegressionCase.MitigationSpec> mitigations = mitigations(root);
        JsonNode e = object(root, "", "expect");
        RegressionCase.Expectation expect = new RegressionCase.Expectation(severity(e), action(e),
                string(e, "expect", "runbook"), whole(e, "expect", "max_steps", 1, MAX_STEPS),
                number(e, "expect", "min_sli", 0, 1, true));
        return new RegressionCase(id, optionalString(root, "", "incident"), optionalString(root, "", "scenario"), seed,
                start, optionalString(root, "", "title"), string(root, "", "service"), string(root, "", "symptom"),
                string(root, "", "alert"), slo, new RegressionCase.Traffic(rps, baseline), failure, mitigations, expect);
    }

    private List<RegressionCase.MitigationSpec> mitigations(JsonNode root) {
        JsonNode list = root.get("mitigations");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw error("mitigations", "at least one mitigation is needed (the runbook's steps apply them by id)");
        }
        if (list.size() > MAX_MITIGATIONS) {
            throw error("mitigations", "more than " + MAX_MITIGATIONS + " mitigations");
        }
        List<RegressionCase.MitigationSpec> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String at = "mitigations[" + i + "]";
            JsonNode m = list.get(i);
            if (!m.isObject()) {
                throw error(at, "must be an object (id, title, restores, takes_effect_after, reversible)");
            }
            checkFields(m, at, "mitigations[]");
            String mid = string(m, at, "id");
            if (!ids.add(mid)) {
                throw error(at + ".id", "duplicate mitigation id '" + mid + "'");
            }
            JsonNode reversible = m.get("reversible");
            if (reversible != null && !reversible.isBoolean()) {
                throw error(at + ".reversible", "must be true or false");
            }
            out.add(new RegressionCase.MitigationSpec(mid, string(m, at, "title"), number(m, at, "restores", 0, 1, true),
                    m.has("takes_effect_after") ? duration(m, at, "takes_effect_after", null, false) : Duration.ofMinutes(1),
                    reversible == null || reversible.booleanValue()));
        }
        return out;
    }

    /** The document as a tree, remembering the line of every field by its path. */
    private JsonNode tree(String text) {
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() == null) {
                throw new CaseFormatException(source, 1, "", "empty file: a regression case is a JSON object");
            }
            JsonNode root = value(p, "");
            if (p.nextToken() != null) {
                throw new CaseFormatException(source, line(p.currentTokenLocation()), "",
                        "unexpected " + p.currentToken().asString() + " after the case's closing brace");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new CaseFormatException(source, line(e.getLocation()), "", "not valid JSON: " + brief(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new CaseFormatException(source, 1, "", "cannot read: " + brief(e.getMessage()));
        }
    }

    private JsonNode value(JsonParser p, String path) throws IOException {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        lines.putIfAbsent(path, line(p.currentTokenLocation()));
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                ObjectNode o = nodes.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    String child = path.isEmpty() ? name : path + "." + name;
                    int at = line(p.currentTokenLocation());
                    if (o.has(name)) {
                        throw new CaseFormatException(source, at, child, "appears twice");
                    }
                    lines.put(child, at);
                    p.nextToken();
                    o.set(name, value(p, child));
                }
                return o;
            }
            case START_ARRAY -> {
                ArrayNode a = nodes.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.add(value(p, path + "[" + i++ + "]"));
                }
                return a;
            }
            case VALUE_STRING -> {
                return nodes.textNode(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? nodes.numberNode(p.getBigIntegerValue())
                        : nodes.numberNode(p.getLongValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return nodes.numberNode(p.getDoubleValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return nodes.booleanNode(t == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return nodes.nullNode();
            }
            default -> throw new CaseFormatException(source, line(p.currentTokenLocation()), path,
                    "unexpected " + t.asString());
        }
    }

    private void checkFields(JsonNode node, String at, String kind) {
        Set<String> known = FIELDS.get(kind);
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw error(path(at, name), "unknown field (expected " + String.join(", ", known.stream().sorted().toList())
                        + ")");
            }
        }
    }

    private long seed(JsonNode root) {
        JsonNode n = root.get("seed");
        if (n == null || !n.isIntegralNumber() || !n.canConvertToLong()) {
            throw error("seed", "must be a whole number (the mock system's random seed)");
        }
        return n.longValue();
    }

    private Instant instant(JsonNode root) {
        JsonNode n = root.get("start");
        if (n == null || n.isNull()) {
            return null;
        }
        try {
            if (!n.isTextual()) {
                throw new DateTimeParseException("not a string", n.toString(), 0);
            }
            return Instant.parse(n.asText());
        } catch (DateTimeParseException e) {
            throw error("start", "not an ISO-8601 UTC instant (e.g. 2026-11-18T02:00:00Z)");
        }
    }

    private Severity severity(JsonNode expect) {
        String text = string(expect, "expect", "severity");
        try {
            return Severity.parse(text);
        } catch (IllegalArgumentException e) {
            throw error("expect.severity", e.getMessage());
        }
    }

    private String action(JsonNode expect) {
        String text = string(expect, "expect", "action");
        if (!text.equals(RegressionCase.Expectation.PAGE) && !text.equals(RegressionCase.Expectation.TICKET)) {
            throw error("expect.action", "'" + text + "' is not page or ticket");
        }
        return text;
    }

    private CaseFormatException error(String path, String message) {
        return new CaseFormatException(source, line(path), path, message);
    }

    /** The line of the field at {@code path}, or of its nearest parent that exists. */
    private int line(String path) {
        String p = path;
        while (!p.isEmpty()) {
            Integer l = lines.get(p);
            if (l != null) {
                return l;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
        return lines.getOrDefault("", 1);
    }

    private static int line(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? 1 : location.getLineNr();
    }

    private static String path(String parent, String field) {
        return parent.isEmpty() ? field : parent + "." + field;
    }

    private JsonNode object(JsonNode parent, String at, String field) {
        JsonNode n = parent.get(field);
        if (n == null || !n.isObject()) {
            throw error(path(at, field), "is required and must be an object");
        }
        checkFields(n, path(at, field), path(at, field));
        return n;
    }

    private String string(JsonNode parent, String at, String field) {
        JsonNode n = parent.get(field);
        if (n == null || !n.isTextual() || n.asText().isBlank()) {
            throw error(path(at, field), "is required and must be a non-empty string");
        }
        return n.asText().strip();
    }

    private String optionalString(JsonNode parent, String at, String field) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        return string(parent, at, field);
    }

    /** A finite number in [min, max] (or (min, max) when not inclusive). */
    private double number(JsonNode parent, String at, String field, double min, double max, boolean inclusive) {
        JsonNode n = parent.get(field);
        if (n == null || !n.isNumber() || !Double.isFinite(n.doubleValue())) {
            throw error(path(at, field), "must be a number");
        }
        // -0.0 + 0.0 is 0.0: a case must read the same after it is written back
        double v = n.doubleValue() + 0.0;
        boolean ok = inclusive ? v >= min && v <= max : v > min && v < max;
        if (!ok) {
            throw error(path(at, field), "must be " + (inclusive ? "from " + fmt(min) + " to " + fmt(max)
                    : "between " + fmt(min) + " and " + fmt(max) + " (exclusive)") + ", got " + n.asText());
        }
        return v;
    }

    private int whole(JsonNode parent, String at, String field, int min, int max) {
        JsonNode n = parent.get(field);
        if (n == null || !n.isIntegralNumber() || !n.canConvertToInt() || n.intValue() < min || n.intValue() > max) {
            throw error(path(at, field), "must be a whole number from " + min + " to " + max);
        }
        return n.intValue();
    }

    private Duration duration(JsonNode parent, String at, String field, Duration max, boolean positive) {
        String text = string(parent, at, field);
        Duration d;
        try {
            d = Durations.parse(text);
        } catch (RuntimeException e) {
            // ArithmeticException from an absurd amount reads the same to a person
            throw error(path(at, field), "not a duration: '" + text + "' (expected e.g. 5m, 1h, 30d)");
        }
        Duration limit = max != null ? max : positive ? Duration.ofDays(3660) : MAX_DELAY;
        if (d.isNegative() || (positive && d.isZero()) || d.compareTo(limit) > 0) {
            throw error(path(at, field), "must be " + (positive ? "positive" : "zero or more") + " and at most "
                    + Durations.format(limit) + ", got " + text);
        }
        return d;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static String brief(String message) {
        if (message == null) {
            return "unreadable";
        }
        String first = message.lines().findFirst().orElse("").strip();
        return first.length() > 160 ? first.substring(0, 160) + "..." : first;
    }
}
