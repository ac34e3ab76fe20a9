package dev.warroom.metrics;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One Alertmanager webhook notification (payload version 4, Alertmanager 0.19 and later, which added
 * the per-alert fingerprint). Only what Warroom acts on is kept; unknown fields are ignored because
 * every Alertmanager release adds some.
 *
 * @param groupKey Alertmanager's opaque id of the aggregation group; null if absent
 * @param status   the group's status, {@code firing} if any alert in it fires; null if absent
 * @param receiver the receiver name as configured (regex metacharacters arrive escaped)
 */
public record WebhookNotification(String groupKey, String status, String receiver, int truncatedAlerts,
                                  List<Alert> alerts) {
    /** The only payload version Alertmanager has sent since 0.x; another one is a different contract. */
    public static final String VERSION = "4";

    /** Alertmanager fingerprints are 16 hex digits; anything hex up to 64 is taken so a fork's longer hash still works. */
    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-fA-F]{1,64}");
    /** Go's zero time: Alertmanager's way of saying "has not ended". */
    private static final Instant GO_ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);

    public WebhookNotification {
        alerts = List.copyOf(alerts);
    }

    /**
     * One alert of the notification.
     *
     * @param firing      true for {@code firing}, false for {@code resolved}
     * @param fingerprint Alertmanager's hash of the label set: the same alert keeps it across notifications
     * @param startsAt    when it started firing; null if absent
     * @param endsAt      when it stopped; null while it fires (Alertmanager sends Go's zero time then)
     */
    public record Alert(boolean firing, Map<String, String> labels, Map<String, String> annotations,
                        Instant startsAt, Instant endsAt, String generatorUrl, String fingerprint) {
        public Alert {
            labels = Map.copyOf(labels);
            annotations = Map.copyOf(annotations);
            Objects.requireNonNull(fingerprint, "fingerprint");
        }

        /** The {@code alertname} label; null if the alert has none. */
        public String name() {
            return labels.get("alertname");
        }

        /** The first of these labels that is set and not blank, else null. */
        public String label(String... names) {
            return firstOf(labels, names);
        }

        /** The first of these annotations that is set and not blank, else null. */
        public String annotation(String... names) {
            return firstOf(annotations, names);
        }

        private static String firstOf(Map<String, String> map, String... names) {
            for (String name : names) {
                String value = map.get(name);
                if (value != null && !value.isBlank()) {
                    return value.strip();
                }
            }
            return null;
        }
    }

    /**
     * Reads a notification body, checking every field Warroom relies on before anything is acted
     * upon, so a bad notification is refused whole and never half applied.
     *
     * @throws WebhookFormatException naming the field that is wrong, or the line and column of bad JSON
     */
    public static WebhookNotification parse(byte[] body) throws WebhookFormatException {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            // Jackson appends where an open array or object started, in its own notation: the line and column say enough
            String reason = String.valueOf(e.getOriginalMessage()).replaceAll("\\s*\\(for (Array|Object) starting at .*$", "")
                    .replaceAll("\\s+", " ").strip();
            throw new WebhookFormatException(null, "malformed JSON" + where + ": " + reason);
        } catch (IOException e) {
            throw new WebhookFormatException(null, "unreadable body: " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw new WebhookFormatException(null, "empty body: expected an Alertmanager webhook notification");
        }
        if (!root.isObject()) {
            throw new WebhookFormatException(null, "expected a JSON object (an Alertmanager webhook notification), got "
                    + kind(root));
        }
        JsonNode version = root.get("version");
        if (version == null || !version.isTextual()) {
            throw new WebhookFormatException("version", "field 'version' must be the string \"" + VERSION + "\", got "
                    + (version == null ? "nothing" : kind(version)));
        }
        if (!VERSION.equals(version.asText())) {
            throw new WebhookFormatException("version", "field 'version' is \"" + clip(version.asText())
                    + "\" but Warroom reads Alertmanager webhook version \"" + VERSION + "\"");
        }
        String status = optionalText(root, "status", "status");
        if (status != null && !status.equals("firing") && !status.equals("resolved")) {
            throw new WebhookFormatException("status", "field 'status' must be \"firing\" or \"resolved\", got \""
                    + clip(status) + "\"");
        }
        JsonNode truncated = root.get("truncatedAlerts");
        int truncatedAlerts = 0;
        if (truncated != null && !truncated.isNull()) {
            if (!truncated.isIntegralNumber() || !truncated.canConvertToInt() || truncated.asInt() < 0) {
                throw new WebhookFormatException("truncatedAlerts", "field 'truncatedAlerts' must be a count, got "
                        + kind(truncated));
            }
            truncatedAlerts = truncated.asInt();
        }
        JsonNode alertsNode = root.get("alerts");
        if (alertsNode == null || !alertsNode.isArray()) {
            throw new WebhookFormatException("alerts", "field 'alerts' must be a list of alerts, got "
                    + (alertsNode == null ? "nothing" : kind(alertsNode)));
        }
        List<Alert> alerts = new ArrayList<>();
        for (int i = 0; i < alertsNode.size(); i++) {
            alerts.add(alert(alertsNode.get(i), "alerts[" + i + "]"));
        }
        return new WebhookNotification(optionalText(root, "groupKey", "groupKey"), status,
                optionalText(root, "receiver", "receiver"), truncatedAlerts, alerts);
    }

    private static Alert alert(JsonNode node, String path) throws WebhookFormatException {
        if (!node.isObject()) {
            throw new WebhookFormatException(path, "field '" + path + "' must be an alert object, got " + kind(node));
        }
        String status = optionalText(node, "status", path + ".status");
        if (!"firing".equals(status) && !"resolved".equals(status)) {
            throw new WebhookFormatException(path + ".status", "field '" + path + ".status' must be \"firing\" or"
                    + " \"resolved\", got " + (status == null ? "nothing" : "\"" + clip(status) + "\""));
        }
        String fingerprint = optionalText(node, "fingerprint", path + ".fingerprint");
        if (fingerprint == null || !FINGERPRINT.matcher(fingerprint).matches()) {
            throw new WebhookFormatException(path + ".fingerprint", "field '" + path + ".fingerprint' must be"
                    + " Alertmanager's hex fingerprint (Alertmanager 0.19 or later), got "
                    + (fingerprint == null ? "nothing" : "\"" + clip(fingerprint) + "\""));
        }
        Map<String, String> labels = strings(node.get("labels"), path + ".labels", true);
        Map<String, String> annotations = strings(node.get("annotations"), path + ".annotations", false);
        Instant startsAt = time(node, "startsAt", path);
        Instant endsAt = time(node, "endsAt", path);
        return new Alert("firing".equals(status), labels, annotations, startsAt, endsAt,
                optionalText(node, "generatorURL", path + ".generatorURL"), fingerprint.toLowerCase(java.util.Locale.ROOT));
    }

    private static Map<String, String> strings(JsonNode node, String path, boolean required)
            throws WebhookFormatException {
        if (node == null || node.isNull()) {
            if (required) {
                throw new WebhookFormatException(path, "field '" + path + "' is missing: an alert needs its labels");
            }
            return Map.of();
        }
        if (!node.isObject()) {
            throw new WebhookFormatException(path, "field '" + path + "' must be an object of strings, got " + kind(node));
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw new WebhookFormatException(path + "." + e.getKey(), "field '" + path + "." + clip(e.getKey())
                        + "' must be a string, got " + kind(e.getValue()));
            }
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    private static Instant time(JsonNode alert, String name, String path) throws WebhookFormatException {
        String text = optionalText(alert, name, path + "." + name);
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            Instant at = OffsetDateTime.parse(text).toInstant();
            return at.equals(GO_ZERO_TIME) ? null : at;
        } catch (DateTimeParseException e) {
            throw new WebhookFormatException(path + "." + name, "field '" + path + "." + name
                    + "' must be an RFC 3339 time such as 2024-05-01T10:00:00.123Z, got \"" + clip(text) + "\"");
        }
    }

    private static String optionalText(JsonNode node, String name, String path) throws WebhookFormatException {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new WebhookFormatException(path, "field '" + path + "' must be a string, got " + kind(value));
        }
        return value.asText();
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            case STRING -> "the string \"" + clip(node.asText()) + "\"";
            case NUMBER -> "the number " + clip(node.asText());
            case BOOLEAN -> node.asText();
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** Echoing a megabyte of someone's bad field back helps no one. */
    private static String clip(String text) {
        String oneLine = text.replaceAll("\\p{Cntrl}", "?");
        return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 77) + "...";
    }
}
