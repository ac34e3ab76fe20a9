package dev.warroom.ui.console;

import dev.warroom.drill.LiveDrill;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The console around the panels: which panels there are, the drill banner, the status line, and
 * the once-a-second refresh that keeps them current. Holds no widgets.
 */
public final class ConsoleViewModel {
    private final ConsoleServices services;
    private final ConsoleState state;
    private final List<Panel> panels = new ArrayList<>();
    private final List<Runnable> refreshers = new ArrayList<>();
    private final java.util.Map<Panel, org.kordamp.ikonli.Ikon> icons = new java.util.IdentityHashMap<>();
    private final java.util.Map<javafx.scene.input.KeyCombination, Runnable> accelerators = new java.util.LinkedHashMap<>();
    private final java.util.Map<javafx.scene.input.KeyCombination, Runnable> globalKeys = new java.util.LinkedHashMap<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper requestedPanel = new ReadOnlyStringWrapper(this, "requestedPanel");
    private final BooleanBinding drilling;
    private final StringBinding drillBanner;

    public ConsoleViewModel(ConsoleServices services, ConsoleState state) {
        this.services = services;
        this.state = state;
        this.drilling = state.activeDrillProperty().isNotNull();
        this.drillBanner = Bindings.createStringBinding(() -> banner(state.getActiveDrill()), state.activeDrillProperty());
        status.set("store " + services.storeName());
    }

    public ConsoleServices services() {
        return services;
    }

    public ConsoleState state() {
        return state;
    }

    public void addPanel(Panel panel) {
        panels.add(panel);
    }

    /** A panel whose tab shows {@code icon} beside its title. */
    public void addPanel(Panel panel, org.kordamp.ikonli.Ikon icon) {
        panels.add(panel);
        icons.put(panel, icon);
    }

    /** The tab icon of {@code panel}, or null. */
    public org.kordamp.ikonli.Ikon icon(Panel panel) {
        return icons.get(panel);
    }

    /** Keys that act anywhere in the console (ack the page, add a note, ...), beside the panels' own. */
    public void addAccelerator(javafx.scene.input.KeyCombination key, Runnable action) {
        accelerators.put(key, action);
    }

    public java.util.Map<javafx.scene.input.KeyCombination, Runnable> accelerators() {
        return java.util.Collections.unmodifiableMap(accelerators);
    }

    /**
     * A key that must work wherever the focus is (ack the page, start a drill): it is caught before
     * any control sees it, so a list or a text field cannot swallow it.
     */
    public void addGlobalKey(javafx.scene.input.KeyCombination key, Runnable action) {
        globalKeys.put(key, action);
    }

    public java.util.Map<javafx.scene.input.KeyCombination, Runnable> globalKeys() {
        return java.util.Collections.unmodifiableMap(globalKeys);
    }

    /** Something besides the panels that wants the once-a-second refresh: the header, the pager, the SLO board. */
    public void addRefresh(Runnable refresh) {
        refreshers.add(refresh);
    }

    public List<Panel> panels() {
        return List.copyOf(panels);
    }

    /** True while a drill is being played: every panel says so. */
    public BooleanBinding drillingProperty() {
        return drilling;
    }

    public StringBinding drillBannerProperty() {
        return drillBanner;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Says something in the status line, e.g. why a write failed. */
    public void say(String message) {
        status.set(message);
    }

    /** Refreshes every panel; called on the FX thread once a second. */
    public void refresh() {
        refreshers.forEach(Runnable::run);
        panels.forEach(Panel::refresh);
    }

    /** Asks the view to bring the panel titled {@code title} to the front. */
    public void show(String title) {
        requestedPanel.set(null);
        requestedPanel.set(title);
    }

    public javafx.beans.property.ReadOnlyStringProperty requestedPanelProperty() {
        return requestedPanel.getReadOnlyProperty();
    }

    public void toggleTheme() {
        state.themeProperty().set(state.themeProperty().get().other());
    }

    private static String banner(LiveDrill drill) {
        if (drill == null) {
            return "";
        }
        return String.format(Locale.ROOT, "DRILL — %s at %sx — practice, not production", drill.scenario().title(),
                new java.text.DecimalFormat("0.#").format(drill.speed()));
    }
}
