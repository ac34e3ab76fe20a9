package dev.warroom.ui.slo;

import java.util.List;

/**
 * Where the board's readings come from: the drill being played, or (later) live Prometheus data.
 *
 * <p>Threading: {@link #readings()} is called on a background thread, never the FX thread, and may
 * block on I/O; it must be safe to call from one background thread while the FX thread changes what
 * the feed follows.
 */
public interface SloFeed {

    /** One reading per SLO, in any order; empty when there is nothing to watch. */
    List<SloReading> readings();

    /** True when the readings come from a drill, not production: the board says DRILL. */
    default boolean drill() {
        return false;
    }
}
