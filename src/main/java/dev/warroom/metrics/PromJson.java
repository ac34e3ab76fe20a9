package dev.warroom.metrics;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.NumberInput;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warroom.metrics.SourceException.Failure;
import java.math.BigDecimal;
import java.io.IOException;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the Prometheus HTTP API's JSON: the envelope ({@code status}, {@code data},
 * {@code errorType}, {@code error}, {@code warnings}) and the vector, scalar and matrix results.
 * Shared by Prometheus itself and Grafana's data source proxy, which passes the same JSON through.
 *
 * <p>Whatever the body, the answer is a result or a {@link SourceException}; a body that is not
 * the documented shape is {@link Failure#MALFORMED}, never a Jackson or runtime exception.
 *
 * <p>Instant vectors, which every poll reads by the thousand, are read in one streaming pass
 * ({@link #plainVector}); the tree reading stays the authority for anything else, so every error is
 * worded by one piece of code.
 */
public final class PromJson {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);

    /** Unix seconds fit a long of milliseconds well within this. */
    private static final double MAX_SECONDS = 9.0e15;

    /** A successful envelope's {@code data}, and the warnings that came with it (empty when none). */
    public record Envelope(JsonNode data, List<String> warnings) {
        public Envelope {
            warnings = List.copyOf(warnings);
        }
    }

    /** A successful vector answer: its samples, and the warnings that came with it (empty when none). */
    record Vector(List<Sample> samples, List<String> warnings) {
        Vector {
            samples = List.copyOf(samples);
            warnings = List.copyOf(warnings);
        }
    }

    private PromJson() {
    }

    /** An instant query's answer body as samples. See {@link MetricsSource#instant}. */
    public static List<Sample> instant(String body, String source) throws SourceException {
        Vector plain = plainVector(body);
        return plain != null ? plain.samples() : samples(envelope(body, source).data(), source);
    }

    /**
     * A successful vector answer read in one pass without a tree, or null when the body is anything
     * else; the caller then reads it with {@link #envelope} and {@link #samples}, which give the same
     * samples for what this accepts and the one wording of every failure for the rest. Only the shape
     * Prometheus writes is taken: {@code resultType} before {@code result}, no repeated keys (a tree
     * keeps the last), timestamps of at most ten integer and three fraction digits (exact here, see
     * {@link #plainMillis}). An error envelope, a scalar, a matrix or any oddity returns null.
     */
    static Vector plainVector(String body) {
        if (body == null || body.isEmpty()) {
            return null;
        }
        try (JsonParser p = MAPPER.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            String status = null;
            List<Sample> samples = null;
            List<String> warnings = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "status" -> {
                        if (status != null || value != JsonToken.VALUE_STRING) {
                            return null;
                        }
                        status = p.getText();
                    }
                    case "data" -> {
                        if (samples != null || (samples = plainData(p)) == null) {
                            return null;
                        }
                    }
                    case "warnings" -> {
                        if (warnings != null) {
                            return null;
                        }
                        // the tree ignores warnings that are not an array
                        warnings = value == JsonToken.START_ARRAY ? plainStrings(p) : List.of();
                        if (warnings == null) {
                            return null;
                        }
                        p.skipChildren();
                    }
                    default -> p.skipChildren();
                }
            }
            // the tree refuses trailing tokens; a syntax error anywhere has already thrown
            if (p.nextToken() != null || !"success".equals(status) || samples == null) {
                return null;
            }
            return new Vector(samples, warnings == null ? List.of() : warnings);
        } catch (IOException | RuntimeException e) {
            return null;
        }
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
                if (!isGoFloat(text)) {
                    throw new NumberFormatException("not a Prometheus value: \"" + text + "\"");
                }
                // Jackson's FastDoubleParser rounds exactly as Double.parseDouble does, several times
                // faster on the 17-digit ratios Prometheus writes, where the JDK falls back to big integers
                return NumberInput.parseDouble(text, true);
        }
    }

    /**
     * Go's 'f' and 'e' float formats, which is all Prometheus writes besides the three specials:
     * {@code [+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?}, checked by hand since every sample passes here.
     */
    static boolean isGoFloat(String text) {
        int n = text.length();
        int i = 0;
        if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
        int whole = digits(text, i);
        i += whole;
        int fraction = 0;
        if (i < n && text.charAt(i) == '.') {
            fraction = digits(text, ++i);
            i += fraction;
        }
        if (whole == 0 && fraction == 0) {
            return false;
        }
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            int exponent = digits(text, i);
            if (exponent == 0) {
                return false;
            }
            i += exponent;
        }
        return i == n;
    }

    private static int digits(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        return i - from;
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

    /** {@code data} of a vector answer, the parser on its START_OBJECT; null for anything else. */
    private static List<Sample> plainData(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            return null;
        }
        boolean vector = false;
        List<Sample> out = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "resultType" -> {
                    if (vector || value != JsonToken.VALUE_STRING || !"vector".equals(p.getText())) {
                        return null;
                    }
                    vector = true;
                }
                case "result" -> {
                    // a result before its type would need a second pass: leave it to the tree
                    if (!vector || out != null || value != JsonToken.START_ARRAY || (out = plainItems(p)) == null) {
                        return null;
                    }
                }
                default -> p.skipChildren();
            }
        }
        return out;
    }

    /** The vector's entries, the parser on the array's START_ARRAY; null when one is not plain. */
    private static List<Sample> plainItems(JsonParser p) throws IOException {
        List<Sample> out = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t != JsonToken.START_OBJECT) {
                return null;
            }
            Map<String, String> labels = null;
            Instant at = null;
            double value = 0;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                switch (field) {
                    case "metric" -> {
                        if (labels != null || (labels = plainLabels(p, v)) == null) {
                            return null;
                        }
                    }
                    case "value" -> {
                        if (at != null || v != JsonToken.START_ARRAY) {
                            return null;
                        }
                        p.nextToken();
                        if ((at = plainTime(p)) == null || p.nextToken() != JsonToken.VALUE_STRING) {
                            return null;
                        }
                        value = value(p.getText());
                        if (p.nextToken() != JsonToken.END_ARRAY) {
                            return null;
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            if (at != null) { // no value: a native histogram, skipped as the tree path does
                out.add(new Sample(labels == null ? Map.of() : labels, at, value));
            }
        }
        return out;
    }

    /**
     * A series' labels, built immutable at once so {@link Sample} keeps them without a copy; null when
     * {@code metric} is not an object of strings or repeats a name.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, String> plainLabels(JsonParser p, JsonToken metric) throws IOException {
        if (metric == JsonToken.VALUE_NULL) {
            return Map.of();
        }
        if (metric != JsonToken.START_OBJECT) {
            return null;
        }
        List<Map.Entry<String, String>> entries = new ArrayList<>(8);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            if (p.nextToken() != JsonToken.VALUE_STRING) {
                return null;
            }
            entries.add(Map.entry(name, p.getText()));
        }
        // Map.ofEntries refuses a repeated name, which ends up in the tree path (it keeps the last)
        return Map.ofEntries(entries.toArray(new Map.Entry[0]));
    }

    /** A sample time the parser is on, when it is a plain number; null sends the body to the tree. */
    private static Instant plainTime(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
            return null;
        }
        long ms = plainMillis(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
        return ms == Long.MIN_VALUE ? null : Instant.ofEpochMilli(ms);
    }

    /**
     * Unix seconds written as {@code -?d{1,10}(.d{1,3})?} in milliseconds, or Long.MIN_VALUE for any
     * other spelling. Read from the digits, this is exactly what {@link #timestamp} makes of the
     * double: below 2^34 seconds a double is within 2^-19 s of the literal, far from a half millisecond,
     * so its rounding to milliseconds lands back on the literal.
     */
    static long plainMillis(char[] text, int offset, int length) {
        int i = offset;
        int end = offset + length;
        boolean negative = i < end && text[i] == '-';
        if (negative) {
            i++;
        }
        long seconds = 0;
        int start = i;
        while (i < end && text[i] >= '0' && text[i] <= '9') {
            seconds = seconds * 10 + (text[i++] - '0');
        }
        if (i == start || i - start > 10) {
            return Long.MIN_VALUE;
        }
        long millis = 0;
        if (i < end && text[i] == '.') {
            int digits = 0;
            i++;
            while (i < end && text[i] >= '0' && text[i] <= '9' && digits < 3) {
                millis = millis * 10 + (text[i++] - '0');
                digits++;
            }
            if (digits == 0) {
                return Long.MIN_VALUE;
            }
            for (; digits < 3; digits++) {
                millis *= 10;
            }
        }
        if (i != end) {
            return Long.MIN_VALUE;
        }
        long total = seconds * 1000 + millis;
        return negative ? -total : total;
    }

    /** An array of strings, the parser on its START_ARRAY and left on its END_ARRAY; null if any is not one. */
    private static List<String> plainStrings(JsonParser p) throws IOException {
        List<String> out = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t != JsonToken.VALUE_STRING) {
                return null;
            }
            out.add(p.getText());
        }
        return out;
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
