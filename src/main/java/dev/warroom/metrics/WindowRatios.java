package dev.warroom.metrics;

import dev.warroom.slo.EventCounts;
import dev.warroom.slo.WindowCounts;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One SLO's windows as one poll read them, ready for {@code PolicyEvaluator.evaluate}: a window that
 * was not answered, answered NaN or infinity, or answered with several series is
 * {@link EventCounts#NO_DATA}, and {@link #problems} says why, so nothing missing reads as healthy.
 *
 * @param slo      the SLO's id ({@code sloth_id})
 * @param counts   per window: bad and total events, or ratio only ({@link EventCounts#counted()} false)
 * @param problems one sentence per window that came back wrong, e.g. "5m: 3 series ..."
 */
public record WindowRatios(String slo, Map<Duration, EventCounts> counts, List<String> problems) implements WindowCounts {

    public WindowRatios {
        counts = Map.copyOf(counts);
        problems = List.copyOf(problems);
    }

    @Override
    public EventCounts over(Duration window) {
        return counts.getOrDefault(window, EventCounts.NO_DATA);
    }
}
