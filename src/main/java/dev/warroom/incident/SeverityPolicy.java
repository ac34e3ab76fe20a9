package dev.warroom.incident;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warroom.config.YamlSource;
import dev.warroom.time.Durations;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

    /** Reads a severity policy; errors name {@code source}, the line and the field. */
    public static SeverityPolicy parse(InputStream in, String source) {
        YamlSource yaml;
        try {
            yaml = YamlSource.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), 1);
        } catch (YamlSource.Problem e) {
            throw new IllegalArgumentException(source + ":" + e.line() + ": " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Reader(source, yaml).policy();
    }

    /** One parse: knows the file and where each field is, so every error can say both. */
    private record Reader(String source, YamlSource yaml) {

        IllegalArgumentException error(String field, String message) {
            return new IllegalArgumentException(source + ":" + yaml.line(field) + ": " + field + ": " + message);
        }

        SeverityPolicy policy() {
            JsonNode root = yaml.tree();
            if (root == null || !root.isObject()) {
                throw new IllegalArgumentException(source + ":1: expected a mapping with 'severities' and 'business_hours'");
            }
            BusinessHours hours = BusinessHours.weekdaysUtc();
            JsonNode bh = root.get("business_hours");
            if (bh != null) {
                Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
                for (int i = 0; i < bh.path("days").size(); i++) {
                    days.add(day("business_hours.days[" + i + "]", bh.path("days").get(i).asText()));
                }
                try {
                    hours = new BusinessHours(ZoneId.of(bh.path("zone").asText("UTC")),
                            LocalTime.parse(bh.path("start").asText("09:00")), LocalTime.parse(bh.path("end").asText("18:00")),
                            days.isEmpty() ? hours.days() : days);
                } catch (java.time.DateTimeException | IllegalArgumentException e) {
                    throw error("business_hours", e.getMessage() + " (expected zone like Europe/Berlin, start/end like 09:00)");
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
                    throw error(field, ex.getMessage());
                }
                targets.put(severity, target(field, severity, e.getValue()));
            }
            try {
                return new SeverityPolicy(targets, hours);
            } catch (IllegalArgumentException e) {
                throw error("severities", e.getMessage());
            }
        }

        SeverityTarget target(String field, Severity severity, JsonNode n) {
            Duration ack = duration(field + ".ack_within", n.get("ack_within"));
            Duration ackBusiness = duration(field + ".ack_within_business_hours", n.get("ack_within_business_hours"));
            Duration ackOvernight = duration(field + ".ack_within_overnight", n.get("ack_within_overnight"));
            boolean nextBusinessDay = "next_business_day".equals(n.path("ack_by").asText(""));
            if (ack != null) {
                ackBusiness = ackBusiness == null ? ack : ackBusiness;
                ackOvernight = ackOvernight == null ? ack : ackOvernight;
            }
            if (!nextBusinessDay && (ackBusiness == null || ackOvernight == null)) {
                throw error(field, "needs ack_within, or ack_within_business_hours and ack_within_overnight,"
                        + " or ack_by: next_business_day");
            }
            String pctText = n.path("ack_percentile").asText("p95");
            int pct;
            try {
                pct = Integer.parseInt(pctText.toLowerCase(Locale.ROOT).replace("p", ""));
            } catch (NumberFormatException e) {
                throw error(field + ".ack_percentile", "'" + pctText + "' is not a percentile (expected e.g. p95)");
            }
            if (pct <= 0 || pct > 100) {
                throw error(field + ".ack_percentile", pct + " is not in 1..100");
            }
            return new SeverityTarget(severity, ackBusiness, ackOvernight, nextBusinessDay, pct,
                    n.path("pages").asBoolean(true), n.path("page_whole_ladder").asBoolean(false),
                    duration(field + ".status_update_every", n.get("status_update_every")),
                    duration(field + ".postmortem_within", n.get("postmortem_within")),
                    n.path("postmortem_within_business_days").asInt(0),
                    goodLooksLike(field + ".good_looks_like", n.get("good_looks_like")));
        }

        SeverityTarget.GoodLooksLike goodLooksLike(String field, JsonNode n) {
            if (n == null || n.isNull()) {
                return null;
            }
            if (!n.isObject()) {
                throw error(field, "expected ack, status_page and resolve durations");
            }
            return new SeverityTarget.GoodLooksLike(duration(field + ".ack", n.get("ack")),
                    duration(field + ".status_page", n.get("status_page")), duration(field + ".resolve", n.get("resolve")));
        }

        Duration duration(String field, JsonNode n) {
            if (n == null || n.isNull()) {
                return null;
            }
            try {
                return Durations.parse(n.asText());
            } catch (IllegalArgumentException e) {
                throw error(field, e.getMessage());
            }
        }

        DayOfWeek day(String field, String text) {
            for (DayOfWeek d : DayOfWeek.values()) {
                if (d.name().startsWith(text.trim().toUpperCase(Locale.ROOT)) && text.trim().length() >= 2) {
                    return d;
                }
            }
            throw error(field, "unknown day '" + text + "'");
        }
    }
}
