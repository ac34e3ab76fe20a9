package dev.warroom.incident;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.warroom.time.Durations;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Severity targets and business hours, read from YAML. The defaults ({@code severities.yaml} next
 * to this class) are our operating practice; a team overrides them with its own file.
 */
public record SeverityPolicy(Map<Severity, SeverityTarget> targets, BusinessHours businessHours) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    public SeverityPolicy {
        targets = Map.copyOf(targets);
        for (Severity s : Severity.values()) {
            if (!targets.containsKey(s)) {
                throw new IllegalArgumentException("severity policy has no entry for " + s.id());
            }
        }
    }

    public SeverityTarget target(Severity severity) {
        return targets.get(severity);
    }

    /** The bundled defaults. */
    public static SeverityPolicy defaults() {
        try (InputStream in = SeverityPolicy.class.getResourceAsStream("severities.yaml")) {
            if (in == null) {
                throw new IllegalStateException("bundled severities.yaml is missing from the classpath");
            }
            return parse(in, "severities.yaml (bundled)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a severity policy; errors name {@code source}, the field and the line. */
    public static SeverityPolicy parse(InputStream in, String source) {
        JsonNode root;
        try {
            root = YAML.readTree(in);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new IllegalArgumentException(source + ":" + (at == null ? "?" : at.getLineNr()) + ": not valid YAML: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(source + ": expected a mapping with 'severities' and 'business_hours'");
        }
        BusinessHours hours = BusinessHours.weekdaysUtc();
        JsonNode bh = root.get("business_hours");
        if (bh != null) {
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            bh.path("days").forEach(d -> days.add(day(source, d.asText())));
            try {
                hours = new BusinessHours(ZoneId.of(bh.path("zone").asText("UTC")),
                        LocalTime.parse(bh.path("start").asText("09:00")), LocalTime.parse(bh.path("end").asText("18:00")),
                        days.isEmpty() ? hours.days() : days);
            } catch (java.time.DateTimeException | IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ": business_hours: " + e.getMessage()
                        + " (expected zone like Europe/Berlin, start/end like 09:00)");
            }
        }
        Map<Severity, SeverityTarget> targets = new EnumMap<>(Severity.class);
        JsonNode sev = root.path("severities");
        for (Iterator<Map.Entry<String, JsonNode>> it = sev.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String field = "severities." + e.getKey();
            Severity severity;
            try {
                severity = Severity.parse(e.getKey());
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(source + ": " + field + ": " + ex.getMessage());
            }
            targets.put(severity, target(source, field, severity, e.getValue()));
        }
        try {
            return new SeverityPolicy(targets, hours);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage());
        }
    }

    private static SeverityTarget target(String source, String field, Severity severity, JsonNode n) {
        Duration ack = duration(source, field + ".ack_within", n.get("ack_within"));
        Duration ackBusiness = duration(source, field + ".ack_within_business_hours", n.get("ack_within_business_hours"));
        Duration ackOvernight = duration(source, field + ".ack_within_overnight", n.get("ack_within_overnight"));
        boolean nextBusinessDay = "next_business_day".equals(n.path("ack_by").asText(""));
        if (ack != null) {
            ackBusiness = ackBusiness == null ? ack : ackBusiness;
            ackOvernight = ackOvernight == null ? ack : ackOvernight;
        }
        if (!nextBusinessDay && (ackBusiness == null || ackOvernight == null)) {
            throw new IllegalArgumentException(source + ": " + field
                    + ": needs ack_within, or ack_within_business_hours and ack_within_overnight, or ack_by: next_business_day");
        }
        String pctText = n.path("ack_percentile").asText("p95");
        int pct;
        try {
            pct = Integer.parseInt(pctText.toLowerCase(Locale.ROOT).replace("p", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + ": " + field + ".ack_percentile: '" + pctText
                    + "' is not a percentile (expected e.g. p95)");
        }
        if (pct <= 0 || pct > 100) {
            throw new IllegalArgumentException(source + ": " + field + ".ack_percentile: " + pct + " is not in 1..100");
        }
        return new SeverityTarget(severity, ackBusiness, ackOvernight, nextBusinessDay, pct,
                n.path("pages").asBoolean(true), n.path("page_whole_ladder").asBoolean(false),
                duration(source, field + ".status_update_every", n.get("status_update_every")),
                duration(source, field + ".postmortem_within", n.get("postmortem_within")),
                n.path("postmortem_within_business_days").asInt(0));
    }

    private static Duration duration(String source, String field, JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        try {
            return Durations.parse(n.asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + field + ": " + e.getMessage());
        }
    }

    private static DayOfWeek day(String source, String text) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().startsWith(text.trim().toUpperCase(Locale.ROOT)) && text.trim().length() >= 2) {
                return d;
            }
        }
        throw new IllegalArgumentException(source + ": business_hours.days: unknown day '" + text + "'");
    }
}
