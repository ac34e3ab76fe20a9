package dev.warroom.metrics;

import dev.warroom.slo.AlertPolicy;
import dev.warroom.slo.Slo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The trailing windows one poll reads for every SLO, shortest first; each SLO also reads its own
 * period (for the budget left), see {@link #forSlo}.
 */
public record SloWindows(List<Duration> windows) {

    public SloWindows {
        if (windows == null || windows.isEmpty()) {
            throw new IllegalArgumentException("at least one window is needed");
        }
        for (Duration w : windows) {
            if (w == null || w.isZero() || w.isNegative() || w.toMillis() % 1000 != 0) {
                throw new IllegalArgumentException("windows must be whole positive seconds, got " + w);
            }
        }
        windows = List.copyOf(new TreeSet<>(windows));
    }

    /**
     * The seven windows Sloth records with its default (Google) alert windows: 5m, 30m, 1h, 2h, 6h,
     * 1d, 3d. With the SLO period that makes the eight {@code slo:sli_error:ratio_rate*} series of
     * Sloth's generated rules.
     */
    public static SloWindows sloth() {
        return new SloWindows(List.of(Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(1),
                Duration.ofHours(2), Duration.ofHours(6), Duration.ofDays(1), Duration.ofDays(3)));
    }

    /** The windows an alert policy reads (without rules any window can be queried). */
    public static SloWindows of(AlertPolicy policy) {
        return new SloWindows(policy.windows());
    }

    public static SloWindows of(Collection<Duration> windows) {
        return new SloWindows(List.copyOf(windows));
    }

    /** These windows plus the SLO's period, shortest first. */
    public List<Duration> forSlo(Slo slo) {
        TreeSet<Duration> all = new TreeSet<>(windows);
        all.add(slo.period());
        return new ArrayList<>(all);
    }

    /**
     * A window as Prometheus writes a duration, which is how Sloth names its rules: years and weeks only
     * when exact, so 30d is {@code 30d} but 28d is {@code 4w} and 7d is {@code 1w}
     * ({@code slo:sli_error:ratio_rate4w}).
     */
    public static String promDuration(Duration window) {
        long ms = window.toMillis();
        if (ms == 0) {
            return "0s";
        }
        StringBuilder b = new StringBuilder();
        long[] mult = {365L * 86_400_000, 7L * 86_400_000, 86_400_000, 3_600_000, 60_000, 1_000, 1};
        String[] unit = {"y", "w", "d", "h", "m", "s", "ms"};
        for (int i = 0; i < mult.length; i++) {
            boolean exactOnly = i < 2;
            if (exactOnly && ms % mult[i] != 0) {
                continue;
            }
            long v = ms / mult[i];
            if (v > 0) {
                b.append(v).append(unit[i]);
                ms -= v * mult[i];
            }
        }
        return b.toString();
    }
}
