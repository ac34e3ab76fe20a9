package dev.warroom.ui.slo;

import dev.warroom.slo.Decision;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one SLO tile shows, read once: the policy's latest decision, the SLI history for the
 * sparkline, and whether the data behind it has stopped coming. Immutable; the tile only renders it.
 *
 * @param slo         the SLO's name; tiles are matched to readings by it
 * @param decision    the latest decision; null when the policy has not been evaluated yet (shown as NO DATA)
 * @param objective   the SLO's objective (0.999), drawn as the sparkline's reference line; NaN if unknown
 * @param sparkline   SLI samples (fractions of good events) oldest first, evenly spaced over {@code span}
 * @param span        how much history {@code sparkline} covers, e.g. 6h
 * @param at          when the decision was made
 * @param age         how old the last good value is; only shown when {@code staleReason} is set; null when
 *                    there has never been a good value (a live SLO before its first answer)
 * @param staleReason why the data stopped ("503 from prom"); null while data is fresh
 */
public record SloReading(String slo, Decision decision, double objective, List<Double> sparkline, Duration span,
                         Instant at, Duration age, String staleReason) {

    public SloReading {
        Objects.requireNonNull(slo, "slo");
        sparkline = sparkline == null ? List.of() : List.copyOf(sparkline);
        span = span == null ? Duration.ZERO : span;
        // a missing age only means "never had a value" next to a reason; otherwise it is simply zero
        age = age == null && staleReason == null ? Duration.ZERO : age;
    }

    /** A fresh reading. */
    public static SloReading fresh(String slo, Decision decision, double objective, List<Double> sparkline,
                                   Duration span, Instant at) {
        return new SloReading(slo, decision, objective, sparkline, span, at, Duration.ZERO, null);
    }

    /**
     * This reading, marked stale: the last good value is {@code age} old because of {@code reason};
     * a null {@code age} says there never was a good value.
     */
    public SloReading stale(Duration age, String reason) {
        return new SloReading(slo, decision, objective, sparkline, span, at, age, Objects.requireNonNull(reason, "reason"));
    }

    public boolean isStale() {
        return staleReason != null;
    }

    /** The state word and colour this reading earns. */
    public TileState state() {
        return TileState.of(decision);
    }

    /**
     * "stale 2m: 503 from prom"; "no data: connection refused" when there never was a value (an age
     * would suggest an old value is still shown); empty while fresh.
     */
    public String staleText() {
        if (!isStale()) {
            return "";
        }
        if (age == null) {
            return staleReason.startsWith("no data") ? staleReason : "no data: " + staleReason;
        }
        return "stale " + shortAge(age) + ": " + staleReason;
    }

    /** The age in its largest whole unit: "45s", "2m", "3h", "2d". */
    static String shortAge(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return s / 60 + "m";
        }
        if (s < 86_400) {
            return s / 3600 + "h";
        }
        return s / 86_400 + "d";
    }
}
