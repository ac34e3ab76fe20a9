package dev.warroom.slo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warroom.config.YamlSource;
import dev.warroom.incident.Severity;
import dev.warroom.time.Durations;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/**
 * A multiwindow, multi-burn-rate alert policy: ordered window pairs plus the low-traffic guard.
 *
 * @param minEventsToPage a paging pair stays quiet unless its long window saw at least this many
 *                        events, so three failed requests at night do not wake anyone
 */
public record AlertPolicy(List<WindowPair> pairs, long minEventsToPage) {

    public AlertPolicy {
        if (pairs == null || pairs.isEmpty()) {
            throw new IllegalArgumentException("an alert policy needs at least one window pair");
        }
        if (minEventsToPage < 0) {
            throw new IllegalArgumentException("minEventsToPage must be >= 0");
        }
        // most severe first: that is the order in which pairs win and suppress the others
        pairs = pairs.stream()
                .sorted(Comparator.comparing(WindowPair::severity).thenComparing(WindowPair::action)
                        .thenComparing(WindowPair::longWindow))
                .toList();
    }

    /**
     * The SRE Workbook's four pairs (chapter 5, iteration 6) as budget percentages:
     * page 2% in 1h/5m (Sev-1), page 5% in 6h/30m (Sev-2), ticket 10% in 1d/2h and in 3d/6h (Sev-3).
     */
    public static AlertPolicy sreWorkbook() {
        return new AlertPolicy(List.of(
                new WindowPair(Severity.SEV1, WindowPair.Action.PAGE, Duration.ofHours(1), Duration.ofMinutes(5), 2),
                new WindowPair(Severity.SEV2, WindowPair.Action.PAGE, Duration.ofHours(6), Duration.ofMinutes(30), 5),
                new WindowPair(Severity.SEV3, WindowPair.Action.TICKET, Duration.ofDays(1), Duration.ofHours(2), 10),
                new WindowPair(Severity.SEV3, WindowPair.Action.TICKET, Duration.ofDays(3), Duration.ofHours(6), 10)),
                100);
    }

    /**
     * Reads a policy written as {@code min_events_to_page} and {@code pairs} (each with severity,
     * action page|ticket, long_window, short_window, budget_percent); errors name the line and field.
     */
    public static AlertPolicy parse(String text, String source) {
        YamlSource yaml;
        try {
            yaml = YamlSource.parse(text, 1);
        } catch (YamlSource.Problem e) {
            throw new IllegalArgumentException(source + ":" + e.line() + ": " + e.getMessage());
        }
        JsonNode root = yaml.tree();
        if (root == null || !root.path("pairs").isArray() || root.path("pairs").isEmpty()) {
            throw new IllegalArgumentException(source + ":1: expected 'pairs:' with at least one window pair");
        }
        List<WindowPair> pairs = new java.util.ArrayList<>();
        for (int i = 0; i < root.get("pairs").size(); i++) {
            JsonNode n = root.get("pairs").get(i);
            String field = "pairs[" + i + "]";
            String part = field;
            try {
                part = field + ".severity";
                Severity severity = Severity.parse(n.path("severity").asText(null));
                part = field + ".action";
                WindowPair.Action action = WindowPair.Action.valueOf(n.path("action").asText("").toUpperCase(java.util.Locale.ROOT));
                part = field + ".long_window";
                Duration longWindow = Durations.parse(n.path("long_window").asText(null));
                part = field + ".short_window";
                Duration shortWindow = Durations.parse(n.path("short_window").asText(null));
                part = field + ".budget_percent";
                if (!n.path("budget_percent").isNumber()) {
                    throw new IllegalArgumentException("must be a number, e.g. 2 for 2% of the budget");
                }
                part = field;
                pairs.add(new WindowPair(severity, action, longWindow, shortWindow, n.get("budget_percent").asDouble()));
            } catch (IllegalArgumentException e) {
                String why = part.endsWith(".action") ? "must be page or ticket" : e.getMessage();
                throw new IllegalArgumentException(source + ":" + yaml.line(part) + ": " + part + ": " + why);
            }
        }
        long min = root.path("min_events_to_page").asLong(sreWorkbook().minEventsToPage());
        try {
            return new AlertPolicy(pairs, min);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ":" + yaml.line("min_events_to_page") + ": " + e.getMessage());
        }
    }

    public AlertPolicy withMinEventsToPage(long min) {
        return new AlertPolicy(pairs, min);
    }

    /** Every distinct window the policy reads, longest first. */
    public List<Duration> windows() {
        return pairs.stream()
                .flatMap(p -> java.util.stream.Stream.of(p.longWindow(), p.shortWindow()))
                .distinct()
                .sorted(Comparator.reverseOrder())
                .toList();
    }
}
