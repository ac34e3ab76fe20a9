package dev.warroom.ui.slo;

import java.util.List;

/**
 * What the console's board shows: the drill's SLO while a drill is played, the live SLOs otherwise.
 * One or the other, never mixed, so a drill's made-up page can never sit among production tiles
 * looking real, and the board's DRILL badge covers everything on it.
 *
 * <p>Threading: as {@link SloFeed}; {@link #drill()} answers for the last {@link #readings()}, which
 * the board asks right after, on the same thread.
 */
public final class ConsoleSloFeed implements SloFeed {
    private final SloFeed drill;
    private final SloFeed live;
    private volatile boolean lastFromDrill;

    public ConsoleSloFeed(SloFeed drill, SloFeed live) {
        this.drill = drill;
        this.live = live;
    }

    @Override
    public List<SloReading> readings() {
        List<SloReading> played = drill.readings();
        if (!played.isEmpty()) {
            lastFromDrill = true;
            return played;
        }
        lastFromDrill = false;
        return live.readings();
    }

    @Override
    public boolean drill() {
        return lastFromDrill;
    }
}
