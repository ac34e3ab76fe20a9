package dev.warroom.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the data frames of Grafana's {@code /api/ds/query} answer into series: per frame, the
 * {@code time} field gives the instants and every {@code number} field one series with its labels.
 * Values are column-major ({@code data.values[field][row]}); NaN and the infinities arrive as
 * {@code null} with their rows listed in {@code data.entities[field]}, so a null not listed there
 * is a missing point, not a NaN. Fields are matched by type, not by their (undocumented) names.
 */
final class GrafanaFrames {
    /** Epoch milliseconds a real answer could hold: a few thousand years either way. */
    private static final long MAX_MILLIS = 100_000_000_000_000L;

    private GrafanaFrames() {
    }

    /** The per-query failure Grafana reported for {@code refId}: its status and error text, or null. */
    record RefError(Integer status, String error) {
    }

    static RefError refError(JsonNode root, String refId) {
        JsonNode ref = root == null ? null : root.path("results").path(refId);
        if (ref == null || !ref.isObject()) {
            return null;
        }
        JsonNode error = ref.get("error");
        JsonNode status = ref.get("status");
        Integer code = status != null && status.isInt() ? status.intValue() : null;
        boolean failed = (error != null && error.isTextual() && !error.asText().isBlank()) || (code != null && code >= 400);
        if (!failed) {
            return null;
        }
        return new RefError(code, error != null && error.isTextual() ? error.asText() : "");
    }

    /** Every series of {@code refId}'s frames, in frame order. */
    static List<Series> series(JsonNode root, String refId, String source) throws SourceException {
        if (root == null || !root.isObject()) {
            throw PromJson.malformed(source, "answer is not a JSON object");
        }
        JsonNode results = root.get("results");
        if (results == null || !results.isObject()) {
            throw PromJson.malformed(source, "answer has no \"results\" object");
        }
        JsonNode ref = results.get(refId);
        if (ref == null || !ref.isObject()) {
            throw PromJson.malformed(source, "answer has no result for query " + refId);
        }
        JsonNode frames = ref.get("frames");
        if (frames == null || frames.isNull()) {
            return List.of();
        }
        if (!frames.isArray()) {
            throw PromJson.malformed(source, "\"frames\" is not an array");
        }
        List<Series> out = new ArrayList<>();
        for (JsonNode frame : frames) {
            frame(frame, source, out);
        }
        return out;
    }

    private static void frame(JsonNode frame, String source, List<Series> out) throws SourceException {
        if (!frame.isObject()) {
            throw PromJson.malformed(source, "a frame is not an object");
        }
        JsonNode fields = frame.path("schema").path("fields");
        if (fields.isMissingNode() || fields.isNull()) {
            return; // Grafana's empty answer: a frame without fields
        }
        if (!fields.isArray()) {
            throw PromJson.malformed(source, "a frame's \"schema.fields\" is not an array");
        }
        int time = -1;
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            String type = fields.get(i).path("type").asText("");
            if ("time".equals(type) && time < 0) {
                time = i;
            } else if ("number".equals(type)) {
                numbers.add(i);
            }
        }
        if (numbers.isEmpty()) {
            return;
        }
        if (time < 0) {
            throw PromJson.malformed(source, "a frame has values but no time field");
        }
        JsonNode values = frame.path("data").path("values");
        if (values.isMissingNode() || values.isNull()) {
            for (int field : numbers) {
                out.add(new Series(labels(fields.get(field), source), List.of()));
            }
            return;
        }
        if (!values.isArray() || values.size() != fields.size()) {
            throw PromJson.malformed(source, "a frame's \"data.values\" does not have one column per field");
        }
        JsonNode times = values.get(time);
        if (!times.isArray()) {
            throw PromJson.malformed(source, "a frame's time column is not an array");
        }
        JsonNode entities = frame.path("data").path("entities");
        for (int field : numbers) {
            JsonNode column = values.get(field);
            if (!column.isArray() || column.size() != times.size()) {
                throw PromJson.malformed(source, "a frame's value column is not as long as its time column");
            }
            Map<Integer, Double> specials = specials(entities.isArray() ? entities.get(field) : null, source);
            List<Series.Point> points = new ArrayList<>(column.size());
            for (int row = 0; row < column.size(); row++) {
                JsonNode v = column.get(row);
                double value;
                if (v.isNumber()) {
                    value = v.asDouble();
                } else if (v.isNull()) {
                    Double special = specials.get(row);
                    if (special == null) {
                        continue; // no sample at this time
                    }
                    value = special;
                } else {
                    throw PromJson.malformed(source, "a frame value is neither a number nor null");
                }
                points.add(new Series.Point(millis(times.get(row), source), value));
            }
            out.add(new Series(labels(fields.get(field), source), points));
        }
    }

    private static Map<Integer, Double> specials(JsonNode entity, String source) throws SourceException {
        if (entity == null || entity.isNull()) {
            return Map.of();
        }
        if (!entity.isObject()) {
            throw PromJson.malformed(source, "a frame's \"data.entities\" entry is not an object");
        }
        Map<Integer, Double> out = new HashMap<>();
        putRows(out, entity.get("NaN"), Double.NaN, source);
        putRows(out, entity.get("Inf"), Double.POSITIVE_INFINITY, source);
        putRows(out, entity.get("NegInf"), Double.NEGATIVE_INFINITY, source);
        return out;
    }

    private static void putRows(Map<Integer, Double> out, JsonNode rows, double value, String source) throws SourceException {
        if (rows == null || rows.isNull()) {
            return;
        }
        if (!rows.isArray()) {
            throw PromJson.malformed(source, "a frame's entity rows are not an array");
        }
        for (JsonNode row : rows) {
            if (!row.canConvertToInt()) {
                throw PromJson.malformed(source, "a frame's entity row is not an index");
            }
            out.put(row.intValue(), value);
        }
    }

    private static Map<String, String> labels(JsonNode field, String source) throws SourceException {
        JsonNode labels = field.get("labels");
        if (labels == null || labels.isNull()) {
            return Map.of();
        }
        if (!labels.isObject()) {
            throw PromJson.malformed(source, "a field's \"labels\" is not an object");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = labels.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw PromJson.malformed(source, "a label value is not a string");
            }
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    private static Instant millis(JsonNode t, String source) throws SourceException {
        if (t == null || !t.isNumber() || !Double.isFinite(t.asDouble()) || Math.abs(t.asDouble()) > MAX_MILLIS) {
            throw PromJson.malformed(source, "a frame time is not epoch milliseconds");
        }
        return Instant.ofEpochMilli(t.isIntegralNumber() ? t.longValue() : Math.round(t.asDouble()));
    }
}
