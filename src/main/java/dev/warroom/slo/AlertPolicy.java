package dev.warroom.slo;

import dev.warroom.incident.Severity;
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
