package dev.warroom.slo.spec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warroom.config.YamlSource;
import dev.warroom.slo.Slo;
import dev.warroom.time.Durations;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One YAML document of a spec file, with readers for typed fields that fail with the field's path,
 * so the caller can name the line. Paths are those of {@link YamlSource#line(String)}.
 */
final class SpecDocument {
    /** Go templates allow spaces inside the braces; the plan fills in only the canonical spelling. */
    private static final Pattern WINDOW = Pattern.compile("\\{\\{\\s*\\.window\\s*}}");

    final String file;
    final YamlSource yaml;
    final JsonNode root;

    SpecDocument(String file, YamlSource yaml) {
        this.file = file;
        this.yaml = yaml;
        this.root = yaml.tree();
    }

    /** A field that cannot be read; {@code message} already starts with the field where it should. */
    static final class Invalid extends RuntimeException {
        final String field;

        Invalid(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }

        /** A plain error: "field: why". */
        static Invalid at(String field, String why) {
            return new Invalid(field, field + ": " + why);
        }

        /** "unsupported: field value: why", the wording the brief promises for things Warroom does not do. */
        static Invalid unsupported(String field, String value, String why) {
            return new Invalid(field, "unsupported: " + field + (value == null || value.isEmpty() ? "" : " " + value) + ": " + why);
        }
    }

    SloSpecException.Problem problem(Invalid e) {
        return new SloSpecException.Problem(file, yaml.line(e.field), e.field, e.getMessage());
    }

    String origin(String path) {
        return file + ":" + yaml.line(path);
    }

    static String path(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    static JsonNode child(JsonNode parent, String key) {
        JsonNode n = parent == null ? null : parent.get(key);
        return n == null || n.isNull() ? null : n;
    }

    static boolean has(JsonNode parent, String key) {
        return child(parent, key) != null;
    }

    /** A scalar written as a string (numbers and booleans are read as their text); null when absent. */
    static String optionalText(JsonNode parent, String parentPath, String key) {
        JsonNode n = child(parent, key);
        if (n == null) {
            return null;
        }
        if (!n.isValueNode()) {
            throw Invalid.at(path(parentPath, key), "must be a single value, not a " + (n.isArray() ? "list" : "mapping"));
        }
        return n.asText();
    }

    static String text(JsonNode parent, String parentPath, String key) {
        String s = optionalText(parent, parentPath, key);
        if (s == null || s.isBlank()) {
            throw Invalid.at(path(parentPath, key), "is required");
        }
        return s.strip();
    }

    static JsonNode object(JsonNode parent, String parentPath, String key) {
        JsonNode n = child(parent, key);
        if (n == null) {
            throw Invalid.at(path(parentPath, key), "is required");
        }
        if (!n.isObject()) {
            throw Invalid.at(path(parentPath, key), "must be a mapping");
        }
        return n;
    }

    static JsonNode optionalObject(JsonNode parent, String parentPath, String key) {
        return has(parent, key) ? object(parent, parentPath, key) : null;
    }

    /** A non-empty list. */
    static JsonNode list(JsonNode parent, String parentPath, String key) {
        JsonNode n = child(parent, key);
        if (n == null || (n.isArray() && n.isEmpty())) {
            throw Invalid.at(path(parentPath, key), "needs at least one entry");
        }
        if (!n.isArray()) {
            throw Invalid.at(path(parentPath, key), "must be a list");
        }
        return n;
    }

    static BigDecimal number(JsonNode parent, String parentPath, String key) {
        JsonNode n = child(parent, key);
        if (n == null) {
            throw Invalid.at(path(parentPath, key), "is required");
        }
        if (!n.isNumber()) {
            throw Invalid.at(path(parentPath, key), "must be a number, got '" + shorten(n.asText()) + "'");
        }
        if (n.isFloatingPointNumber() && !Double.isFinite(n.doubleValue())) {
            throw Invalid.at(path(parentPath, key), "must be a finite number");
        }
        return n.decimalValue();
    }

    /** String-to-string labels; numbers and booleans are kept as written ({@code tier: 2} is "2"). */
    static Map<String, String> labels(JsonNode parent, String parentPath, String key) {
        JsonNode n = child(parent, key);
        Map<String, String> labels = new LinkedHashMap<>();
        if (n == null) {
            return labels;
        }
        String at = path(parentPath, key);
        if (!n.isObject()) {
            throw Invalid.at(at, "must be a mapping of label names to values");
        }
        var fields = n.fields();
        while (fields.hasNext()) {
            var e = fields.next();
            JsonNode v = e.getValue();
            if (v.isValueNode()) {
                labels.put(e.getKey(), v.isNull() ? "" : v.asText());
            } else if (v.isArray() && allValues(v)) {
                // OpenSLO v1 allows a list of values per label; Prometheus labels hold one string
                StringBuilder b = new StringBuilder();
                v.forEach(x -> b.append(b.length() == 0 ? "" : ",").append(x.asText()));
                labels.put(e.getKey(), b.toString());
            } else {
                throw Invalid.at(at + "." + e.getKey(), "a label value must be a single value");
            }
        }
        return labels;
    }

    private static boolean allValues(JsonNode array) {
        for (JsonNode x : array) {
            if (!x.isValueNode()) {
                return false;
            }
        }
        return true;
    }

    /** A PromQL query with the {{.window}} placeholder, spelled canonically. */
    static String windowedQuery(JsonNode parent, String parentPath, String key) {
        String q = text(parent, parentPath, key);
        Matcher m = WINDOW.matcher(q);
        if (!m.find()) {
            throw Invalid.at(path(parentPath, key), "must contain " + SloSpecs.WINDOW
                    + " where the window goes, e.g. rate(http_requests_total[" + SloSpecs.WINDOW + "])");
        }
        return m.replaceAll(Matcher.quoteReplacement(SloSpecs.WINDOW));
    }

    static boolean hasWindow(String query) {
        return WINDOW.matcher(query).find();
    }

    static String canonicalWindow(String query) {
        return WINDOW.matcher(query).replaceAll(Matcher.quoteReplacement(SloSpecs.WINDOW));
    }

    static Duration duration(JsonNode parent, String parentPath, String key) {
        String s = text(parent, parentPath, key);
        Duration d;
        try {
            d = Durations.parse(s);
        } catch (IllegalArgumentException e) {
            throw Invalid.at(path(parentPath, key), e.getMessage());
        }
        if (d.isZero() || d.isNegative()) {
            throw Invalid.at(path(parentPath, key), "must be positive, e.g. 28d or 30d");
        }
        return d;
    }

    /** Builds the Slo, turning its own checks into errors at the objective's field. */
    static Slo slo(String name, String service, BigDecimal objective, String objectiveField, String written,
                   Duration period, dev.warroom.slo.Sli sli) {
        if (objective.compareTo(BigDecimal.ONE) >= 0) {
            throw Invalid.at(objectiveField, written + " leaves no error budget (every failed event breaches it);"
                    + " an objective must be below 100%");
        }
        if (objective.signum() <= 0) {
            throw Invalid.at(objectiveField, written + " is not an objective; it must be above 0%");
        }
        return new Slo(name, service, objective.doubleValue(), period, sli);
    }

    static String shorten(String s) {
        String one = s.replace('\n', ' ');
        return one.length() <= 60 ? one : one.substring(0, 57) + "...";
    }
}
