package dev.warroom.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warroom.metrics.SourceException.Failure;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the Prometheus HTTP API's JSON: the envelope ({@code status}, {@code data},
 * {@code errorType}, {@code error}, {@code warnings}) and the vector, scalar and matrix results.
 * Shared by Prometheus itself and Grafana's data source proxy, which passes the same JSON through.
 *
 * <p>Whatever the body, the answer is a result or a {@link SourceException}; a body that is not
 * the documented shape is {@link Failure#MALFORMED}, never a Jackson or runtime exception.
 */
public final class PromJson {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);

    /** Go's 'f' and 'e' float formats, which is all Prometheus writes besides the three specials. */
    private static final Pattern GO_FLOAT = Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");
    /** Unix seconds fit a long of milliseconds well within this. */
    private static final double MAX_SECONDS = 9.0e15;

    /** A successful envelope's {@code data}, and the warnings that came with it (empty when none). */
    public record Envelope(JsonNode data, List<String> warnings) {
        public Envelope {
            warnings = List.copyOf(warnings);
        }
    }

    private PromJson() {
    }

    /** An instant query's answer body as samples. See {@link MetricsSource#instant}. */
    public static List<Sample> instant(String body, String source) throws SourceException {
        return samples(envelope(body, source).data(), source);
    }

    /** A range query's answer body as series. */
    public static List<Series> range(String body, String source) throws SourceException {
        return series(envelope(body, source).data(), source);
    }

    /**
     * Checks the envelope. {@code "status":"error"} (in a 2xx answer, or a non-2xx one that still
     * carries it) becomes the failure its {@code errorType} stands for.
     */
    public static Envelope envelope(String body, String source) throws SourceException {
        JsonNode root = tree(body);
        if (root == null) {
            throw malformed(source, "answer is not JSON" + preview(body));
        }
        if (!root.isObject()) {
            throw malformed(source, "answer is JSON but not an object");
        }
        String status = text(root, "status");
        if ("error".equals(status)) {
            String errorType = text(root, "errorType");
            String error = text(root, "error");
            throw new SourceException(failureOf(errorType), source + ": "
                    + (errorType == null ? "" : errorType + ": ") + (error == null ? "error without a message" : error));
        }
        if (!"success".equals(status)) {
            throw malformed(source, "answer has no \"status\":\"success\"");
        }
        List<String> warnings = new ArrayList<>();
        JsonNode w = root.get("warnings");
        if (w != null && w.isArray()) {
            w.forEach(n -> warnings.add(n.asText()));
        }
        JsonNode data = root.get("data");
        return new Envelope(data == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : data, warnings);
    }

    /**
     * A vector as one sample per series, a scalar as one sample without labels. A matrix (an instant
     * query of a range selector such as {@code up[5m]}) gives every raw sample, oldest first per series.
     */
    public static List<Sample> samples(JsonNode data, String source) throws SourceException {
        JsonNode result = result(data, source);
        String type = text(data, "resultType");
        List<Sample> out = new ArrayList<>();
        switch (type == null ? "" : type) {
            case "vector" -> {
                for (JsonNode item : items(result, source)) {
                    JsonNode value = item.get("value");
                    if (value == null) {
                        continue; // a native histogram: no float value to show
                    }
                    out.add(sample(labels(item, source), value, source));
                }
            }
            case "scalar" -> out.add(sample(Map.of(), result, source));
            case "matrix" -> {
                for (Series s : series(data, source)) {
                    for (Series.Point p : s.points()) {
                        out.add(new Sample(s.labels(), p.at(), p.value()));
                    }
                }
            }
            default -> throw unsupported(source, type);
        }
        return out;
    }

    /** A matrix as series; a range query answers nothing else. */
    public static List<Series> series(JsonNode data, String source) throws SourceException {
        JsonNode result = result(data, source);
        String type = text(data, "resultType");
        if (!"matrix".equals(type)) {
            throw unsupported(source, type);
        }
        List<Series> out = new ArrayList<>();
        for (JsonNode item : items(result, source)) {
            JsonNode values = item.get("values");
            if (values == null) {
                continue; // native histograms only
            }
            if (!values.isArray()) {
                throw malformed(source, "a series' \"values\" is not an array");
            }
            Map<String, String> labels = labels(item, source);
            List<Series.Point> points = new ArrayList<>(values.size());
            for (JsonNode pair : values) {
                Sample s = sample(labels, pair, source);
                points.add(new Series.Point(s.at(), s.value()));
            }
            out.add(new Series(labels, points));
        }
        return out;
    }

    /**
     * A Prometheus value string: a Go float, or {@code NaN}, {@code +Inf}, {@code -Inf}, which
     * {@link Double#parseDouble} does not all read (it wants "Infinity") and which are kept, not errors.
     */
    public static double value(String text) {
        switch (text) {
            case "NaN":
                return Double.NaN;
            case "+Inf":
            case "Inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            default:
                // parseDouble alone would also take "1d", "0x1p3" and "Infinity", none of which Prometheus sends
                if (!GO_FLOAT.matcher(text).matches()) {
                    throw new NumberFormatException("not a Prometheus value: \"" + text + "\"");
                }
                return Double.parseDouble(text);
        }
    }

    /** Unix seconds (with up to millisecond fraction) as an instant. */
    public static Instant timestamp(JsonNode seconds) {
        if (seconds == null || !seconds.isNumber()) {
            throw new NumberFormatException("timestamp is not a number");
        }
        double d = seconds.asDouble();
        if (!Double.isFinite(d) || Math.abs(d) > MAX_SECONDS) {
            throw new NumberFormatException("timestamp out of range: " + seconds);
        }
        BigDecimal exact = seconds.isIntegralNumber() ? new BigDecimal(seconds.bigIntegerValue()) : BigDecimal.valueOf(d);
        return Instant.ofEpochMilli(exact.setScale(3, RoundingMode.HALF_UP).movePointRight(3).longValueExact());
    }

    /** The JSON tree of {@code body}, or null when it is not one complete JSON document. */
    static JsonNode tree(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode n = MAPPER.readTree(body);
            return n == null || n.isMissingNode() ? null : n;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    static SourceException malformed(String source, String why) {
        return new SourceException(Failure.MALFORMED, "malformed answer from " + source + ": " + why);
    }

    /** Prometheus' errorType to our failure, for an error envelope that came with a 2xx status. */
    static Failure failureOf(String errorType) {
        if (errorType == null) {
            return Failure.MALFORMED;
        }
        return switch (errorType) {
            case "bad_data", "execution", "not_found" -> Failure.BAD_QUERY;
            case "timeout" -> Failure.TIMEOUT;
            case "canceled", "internal", "unavailable" -> Failure.UNAVAILABLE;
            default -> Failure.MALFORMED;
        };
    }

    private static JsonNode result(JsonNode data, String source) throws SourceException {
        if (data == null || !data.isObject()) {
            throw malformed(source, "\"data\" is missing or not an object");
        }
        JsonNode result = data.get("result");
        if (result == null || result.isNull()) {
            throw malformed(source, "\"data.result\" is missing");
        }
        return result;
    }

    private static Iterable<JsonNode> items(JsonNode result, String source) throws SourceException {
        if (!result.isArray()) {
            throw malformed(source, "\"data.result\" is not an array");
        }
        for (JsonNode item : result) {
            if (!item.isObject()) {
                throw malformed(source, "a result entry is not an object");
            }
        }
        return result;
    }

    private static Map<String, String> labels(JsonNode item, String source) throws SourceException {
        JsonNode metric = item.get("metric");
        if (metric == null || metric.isNull()) {
            return Map.of();
        }
        if (!metric.isObject()) {
            throw malformed(source, "\"metric\" is not an object");
        }
        Map<String, String> labels = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = metric.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw malformed(source, "label \"" + clip(e.getKey()) + "\" is not a string");
            }
            labels.put(e.getKey(), e.getValue().asText());
        }
        return labels;
    }

    private static Sample sample(Map<String, String> labels, JsonNode pair, String source) throws SourceException {
        if (!pair.isArray() || pair.size() != 2) {
            throw malformed(source, "a sample is not a [time, \"value\"] pair");
        }
        JsonNode value = pair.get(1);
        if (!value.isTextual()) {
            throw malformed(source, "a sample value is not a string");
        }
        try {
            return new Sample(labels, timestamp(pair.get(0)), value(value.asText()));
        } catch (NumberFormatException | ArithmeticException e) {
            throw malformed(source, clip(e.getMessage()));
        }
    }

    private static SourceException unsupported(String source, String type) {
        return malformed(source, type == null ? "\"data.resultType\" is missing"
                : "result type \"" + clip(type) + "\" is not supported here");
    }

    private static String text(JsonNode node, String field) {
        JsonNode n = node.get(field);
        return n != null && n.isTextual() ? n.asText() : null;
    }

    private static String preview(String body) {
        if (body == null || body.isBlank()) {
            return " (empty body)";
        }
        return ": " + clip(body.strip().lines().findFirst().orElse(""));
    }

    private static String clip(String s) {
        String one = String.valueOf(s).replaceAll("\\s+", " ");
        return one.length() <= 80 ? one : one.substring(0, 80) + "…";
    }
}
