package dev.warroom.incident;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The one JSON shape of a timeline event, used by the store and by exports: a flat object with
 * {@code incident}, {@code seq}, {@code type}, {@code at} (ISO-8601 UTC), {@code actor} and the
 * payload's own fields.
 */
public final class TimelineJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(SerializationFeature.INDENT_OUTPUT, false);
    private static final List<String> ENVELOPE = List.of("incident", "seq", "at", "actor");

    private TimelineJson() {
    }

    /** The payload alone, with its {@code type}: what the store keeps in its payload column. */
    public static String payloadToJson(EventPayload payload) {
        try {
            return MAPPER.writerFor(EventPayload.class).writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + payload.type(), e);
        }
    }

    /** Reads a payload written by {@link #payloadToJson}; the error names the type and the problem. */
    public static EventPayload payloadFromJson(String json) {
        try {
            return MAPPER.readValue(json, EventPayload.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable event payload: " + e.getOriginalMessage(), e);
        }
    }

    public static ObjectNode toNode(TimelineEvent event) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("incident", event.incidentId());
        node.put("seq", event.seq());
        ObjectNode payload = MAPPER.valueToTree(event.payload());
        node.put("type", event.type());
        node.put("at", event.at().toString());
        node.put("actor", event.actor());
        payload.remove("type");
        node.setAll(payload);
        return node;
    }

    public static TimelineEvent fromNode(JsonNode node) {
        ObjectNode payload = node.deepCopy();
        ENVELOPE.forEach(payload::remove);
        return new TimelineEvent(node.path("incident").asText(), node.path("seq").asLong(),
                Instant.parse(node.path("at").asText()), node.path("actor").asText(),
                payloadFromJson(payload.toString()));
    }

    /** A whole timeline as a pretty-printed JSON array. */
    public static String toJson(List<TimelineEvent> events) {
        ArrayNode array = MAPPER.createArrayNode();
        events.forEach(e -> array.add(toNode(e)));
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(array) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<TimelineEvent> fromJson(String json) {
        try {
            JsonNode array = MAPPER.readTree(json);
            List<TimelineEvent> events = new ArrayList<>();
            array.forEach(n -> events.add(fromNode(n)));
            return events;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a timeline: " + e.getOriginalMessage(), e);
        }
    }
}
