package dev.warroom.ui.slo;

import dev.warroom.metrics.Freshness;
import dev.warroom.metrics.FreshnessTracker;
import dev.warroom.metrics.SloMonitor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The live SLOs of the console's data source: one reading per {@link SloMonitor.Status}, named by
 * the SLO's id ({@code service-slo}, unique across spec files), marked stale with the age of its
 * last good value and why. Follows whichever monitor the supplier gives, so a new data source shows
 * on the next refresh.
 *
 * <p>Threading: {@link #readings()} only copies what the monitor already holds; it never waits on
 * the network.
 */
public final class LiveSloFeed implements SloFeed {
    /** What a tile says before the first poll has come back. */
    static final String WAITING = "waiting for the first poll";

    private final Supplier<SloMonitor> monitor;

    /** @param monitor the monitor to read; may answer null while there is none */
    public LiveSloFeed(Supplier<SloMonitor> monitor) {
        this.monitor = monitor;
    }

    @Override
    public List<SloReading> readings() {
        SloMonitor m = monitor.get();
        if (m == null) {
            return List.of();
        }
        List<SloReading> out = new ArrayList<>();
        for (SloMonitor.Status s : m.statuses()) {
            out.add(reading(s));
        }
        return out;
    }

    /** What one status looks like on a tile. */
    static SloReading reading(SloMonitor.Status status) {
        Freshness f = status.freshness();
        SloReading fresh = SloReading.fresh(status.id(), status.decision(), status.definition().slo().objective(),
                status.sparkline(), SloMonitor.SPARKLINE_SPAN, f == null ? null : f.lastGoodAt());
        if (f == null || !f.isStale()) {
            return fresh;
        }
        String reason = FreshnessTracker.NO_VALUE_YET.equals(f.staleReason()) ? WAITING : f.staleReason();
        return fresh.stale(f.age(), reason);
    }
}
