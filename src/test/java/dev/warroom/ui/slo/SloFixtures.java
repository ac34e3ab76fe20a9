package dev.warroom.ui.slo;

import dev.warroom.slo.AlertPolicy;
import dev.warroom.slo.Decision;
import dev.warroom.slo.EventCounts;
import dev.warroom.slo.PolicyEvaluator;
import dev.warroom.slo.Slo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fixed SLO readings for tests and screenshots: real policy decisions (SRE Workbook pairs over a
 * 99.9% / 30-day SLO) from burn rates chosen per window, and sparklines from a formula, so every
 * run renders the same pixels.
 */
final class SloFixtures {
    static final Instant AT = Instant.parse("2026-11-18T02:25:00Z");
    static final Duration SPAN = Duration.ofHours(6);
    static final double OBJECTIVE = 0.999;

    private SloFixtures() {
    }

    /** A decision for an SLO whose windows burn at {@code burns} (window -> burn rate), NaN for no data. */
    static Decision decision(String name, Map<String, Double> burns, double periodBurn) {
        Slo slo = new Slo(name, "svc", OBJECTIVE, Duration.ofDays(30), null);
        return PolicyEvaluator.evaluate(slo, AlertPolicy.sreWorkbook(), window -> {
            double burn = window.equals(slo.period()) ? periodBurn : burns.getOrDefault(key(window), 0.2);
            if (Double.isNaN(burn)) {
                return EventCounts.NO_DATA;
            }
            return EventCounts.ofBad(burn * slo.errorBudget() * 1_000_000, 1_000_000);
        });
    }

    private static String key(Duration window) {
        return dev.warroom.time.Durations.format(window);
    }

    /** 72 samples (one per 5 minutes over 6 hours): healthy, then a drop to {@code floor} for the last {@code badTail}. */
    static List<Double> sparkline(double floor, int badTail, int seed) {
        List<Double> points = new ArrayList<>();
        for (int i = 0; i < 72; i++) {
            double wobble = 0.0002 * Math.sin((i + seed) * 0.7) + 0.0001 * Math.cos((i * seed + 3) * 0.3);
            double v = i >= 72 - badTail ? floor + (1 - floor) * 0.12 * Math.sin(i * 1.3) : 0.9996 + wobble;
            points.add(Math.min(1.0, v));
        }
        return points;
    }

    static SloReading sev1() {
        return SloReading.fresh("chat-availability", decision("chat-availability", Map.of("1h", 16.2, "5m", 18.5,
                "6h", 6.4, "30m", 12.0, "1d", 1.3, "2h", 5.2, "3d", 0.6), 0.29), OBJECTIVE,
                sparkline(0.85, 5, 1), SPAN, AT);
    }

    static SloReading sev2() {
        return SloReading.fresh("checkout-latency", decision("checkout-latency", Map.of("1h", 7.5, "5m", 9.0,
                "6h", 6.8, "30m", 7.9, "1d", 2.0, "2h", 6.5, "3d", 0.9), 0.55), OBJECTIVE,
                sparkline(0.9925, 24, 2), SPAN, AT);
    }

    static SloReading ticket() {
        return SloReading.fresh("payments-webhooks", decision("payments-webhooks", Map.of("1h", 2.4, "5m", 2.1,
                "6h", 3.3, "30m", 3.5, "1d", 3.4, "2h", 3.8, "3d", 1.6), 0.38), OBJECTIVE,
                sparkline(0.9965, 40, 3), SPAN, AT);
    }

    static SloReading staleTicket() {
        return ticket().stale(Duration.ofSeconds(135), "503 from prom");
    }

    static SloReading ok() {
        return SloReading.fresh("search-latency", decision("search-latency", Map.of(), 0.1), OBJECTIVE,
                sparkline(0.9996, 0, 4), SPAN, AT);
    }

    static SloReading noData() {
        return SloReading.fresh("export-freshness", decision("export-freshness", Map.of("5m", Double.NaN,
                "30m", Double.NaN), 0.4), OBJECTIVE, List.of(), SPAN, AT);
    }

    /** The screenshot board: Sev-1 burning, Sev-2, a stale ticket, no data and OK. */
    static List<SloReading> board() {
        return List.of(ok(), staleTicket(), sev2(), sev1(), noData());
    }
}
