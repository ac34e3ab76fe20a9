package dev.warroom.ui.slo;

import dev.warroom.drill.LiveDrill;
import dev.warroom.slo.Decision;
import dev.warroom.ui.console.ConsoleState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The SLO of the drill being played ({@link ConsoleState#activeDrillProperty()}): the drill's latest
 * decision, and a sparkline sampled from the drill's five-minute SLI once per {@link #SAMPLE_EVERY}
 * of drill time, kept for {@link #SPAN}. LiveDrill exposes no SLI history, so the history starts
 * when the board first reads the drill and resets when another drill starts.
 */
public final class DrillSloFeed implements SloFeed {
    public static final Duration SPAN = Duration.ofHours(6);
    public static final Duration SAMPLE_EVERY = Duration.ofMinutes(1);
    private static final int KEEP = (int) (SPAN.toSeconds() / SAMPLE_EVERY.toSeconds());

    private volatile LiveDrill drill;
    private LiveDrill sampled;
    private final Deque<Sample> history = new ArrayDeque<>();

    /** Follows {@code state}'s active drill; construct on the FX thread. */
    public DrillSloFeed(ConsoleState state) {
        this.drill = state.getActiveDrill();
        state.activeDrillProperty().addListener((obs, was, now) -> drill = now);
    }

    @Override
    public synchronized List<SloReading> readings() {
        LiveDrill d = drill;
        if (d == null) {
            return List.of();
        }
        if (d != sampled) {
            sampled = d;
            history.clear();
        }
        Decision decision = d.decision();
        Instant now = d.clock().instant();
        double sli = d.sli();
        Sample last = history.peekLast();
        if (last == null || !now.isBefore(last.at.plus(SAMPLE_EVERY))) {
            history.addLast(new Sample(now, sli));
            while (history.size() > KEEP) {
                history.removeFirst();
            }
        }
        List<Double> points = new ArrayList<>(history.size());
        history.forEach(s -> points.add(s.sli));
        String name = decision != null ? decision.slo() : d.scenario().slo().name();
        return List.of(SloReading.fresh(name, decision, d.scenario().slo().objective(), points, SPAN, now));
    }

    @Override
    public boolean drill() {
        return true;
    }

    private record Sample(Instant at, double sli) {
    }
}
