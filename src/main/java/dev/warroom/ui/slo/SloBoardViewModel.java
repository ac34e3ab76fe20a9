package dev.warroom.ui.slo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The SLO board's state: the readings to show, worst first, a one-line summary, and the placeholder
 * when there is nothing to watch. {@link #refresh()} reads the feed on the background executor and
 * publishes the result on the FX thread; a refresh asked for while one is still reading is dropped,
 * so a slow source never queues work. Holds no widgets.
 */
public final class SloBoardViewModel {
    public static final String PLACEHOLDER = "No SLOs: start a drill or add a data source";
    /** Worst first; among equals, stale ones first (they need a look), then by name. */
    static final Comparator<SloReading> WORST_FIRST = Comparator.comparing(SloReading::state)
            .thenComparing(r -> !r.isStale())
            .thenComparing(SloReading::slo);

    private final SloFeed feed;
    private final Executor background;
    private final Consumer<Runnable> fxThread;
    private final AtomicBoolean reading = new AtomicBoolean();
    private final ReadOnlyObjectWrapper<List<SloReading>> readings = new ReadOnlyObjectWrapper<>(this, "readings", List.of());
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(this, "empty", true);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyBooleanWrapper drill = new ReadOnlyBooleanWrapper(this, "drill");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    /**
     * @param background where {@link SloFeed#readings()} runs; never the FX thread
     * @param fxThread   hands results to the FX thread ({@code Platform::runLater} in the app)
     */
    public SloBoardViewModel(SloFeed feed, Executor background, Consumer<Runnable> fxThread) {
        this.feed = feed;
        this.background = background;
        this.fxThread = fxThread;
    }

    /** Every SLO's reading, worst first; replaced as a whole on each refresh. */
    public ReadOnlyObjectProperty<List<SloReading>> readingsProperty() {
        return readings.getReadOnlyProperty();
    }

    public List<SloReading> getReadings() {
        return readings.get();
    }

    /** True when there is no SLO to show: the view shows {@link #PLACEHOLDER}. */
    public ReadOnlyBooleanProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }

    /** "1 SEV-1 · 1 ticket · 2 ok · 1 stale": the whole board in one line. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** True while the readings come from a drill. */
    public ReadOnlyBooleanProperty drillProperty() {
        return drill.getReadOnlyProperty();
    }

    /** Why the last read failed; empty when it worked. The last good readings stay on the board. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Reads the feed in the background; call on the FX thread, typically once a second. */
    public void refresh() {
        if (!reading.compareAndSet(false, true)) {
            return;
        }
        try {
            background.execute(() -> {
                List<SloReading> next;
                boolean fromDrill;
                try {
                    next = sorted(feed.readings());
                    fromDrill = feed.drill();
                } catch (RuntimeException e) {
                    reading.set(false);
                    fxThread.accept(() -> error.set("SLO board: " + e.getMessage()));
                    return;
                }
                reading.set(false);
                fxThread.accept(() -> publish(next, fromDrill));
            });
        } catch (RuntimeException e) {
            reading.set(false);
            throw e;
        }
    }

    /** Shows {@code next} as if the feed had returned it; on the FX thread. */
    void publish(List<SloReading> next, boolean fromDrill) {
        error.set("");
        drill.set(fromDrill && !next.isEmpty());
        readings.set(next);
        empty.set(next.isEmpty());
        summary.set(summarise(next));
    }

    static List<SloReading> sorted(List<SloReading> in) {
        List<SloReading> out = new ArrayList<>(in);
        out.sort(WORST_FIRST);
        return List.copyOf(out);
    }

    static String summarise(List<SloReading> readings) {
        if (readings.isEmpty()) {
            return "";
        }
        int[] counts = new int[TileState.values().length];
        int stale = 0;
        for (SloReading r : readings) {
            counts[r.state().ordinal()]++;
            if (r.isStale()) {
                stale++;
            }
        }
        List<String> parts = new ArrayList<>();
        for (TileState s : TileState.values()) {
            if (counts[s.ordinal()] > 0) {
                String word = s.alerting() && s != TileState.TICKET ? s.word() : s.word().toLowerCase(java.util.Locale.ROOT);
                parts.add(counts[s.ordinal()] + " " + word);
            }
        }
        if (stale > 0) {
            parts.add(stale + " stale");
        }
        return String.join(" \u00B7 ", parts);
    }
}
