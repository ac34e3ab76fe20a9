package dev.warroom.ui.console;

import java.util.Map;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.input.KeyCombination;

/**
 * A tab whose panel is built the first time someone needs it: opening the tab, its key, or another
 * panel handing over to it. The console's first frame then waits for one panel, not eight.
 * Refreshing a panel nobody has opened yet does nothing: it reads everything when it is built.
 *
 * @param <P> the panel
 */
public final class LazyPanel<P extends Panel> implements Panel {
    private final String title;
    private final Supplier<P> build;
    private final Map<KeyCombination, Runnable> accelerators;
    private P panel;

    /**
     * @param keys the keys the panel answers to, declared up front so the scene has them from the
     *             start; until the panel is built its tab has never shown, so they do nothing
     */
    public LazyPanel(String title, Supplier<P> build, java.util.Set<KeyCombination> keys) {
        this.title = title;
        this.build = build;
        java.util.Map<KeyCombination, Runnable> wrapped = new java.util.LinkedHashMap<>();
        keys.forEach(key -> wrapped.put(key, () -> {
            if (panel != null) {
                Runnable action = panel.accelerators().get(key);
                if (action != null) {
                    action.run();
                }
            }
        }));
        this.accelerators = Map.copyOf(wrapped);
    }

    /** A panel without keys of its own. */
    public LazyPanel(String title, Supplier<P> build) {
        this(title, build, java.util.Set.of());
    }

    /** The panel, built now if it was not yet; FX thread. */
    public P get() {
        if (panel == null) {
            panel = build.get();
        }
        return panel;
    }

    public boolean built() {
        return panel != null;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public Node view() {
        return get().view();
    }

    @Override
    public void refresh() {
        if (panel != null) {
            panel.refresh();
        }
    }

    @Override
    public Map<KeyCombination, Runnable> accelerators() {
        return accelerators;
    }
}
