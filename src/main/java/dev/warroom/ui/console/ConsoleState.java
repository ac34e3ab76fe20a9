package dev.warroom.ui.console;

import dev.warroom.drill.LiveDrill;
import java.time.Clock;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What the panels share and listen to, on the FX thread: the incident in focus, the drill being
 * played, the theme. Panels talk through these properties, never through references to each other.
 */
public final class ConsoleState {
    private final StringProperty selectedIncident = new SimpleStringProperty(this, "selectedIncident");
    private final ObjectProperty<LiveDrill> activeDrill = new SimpleObjectProperty<>(this, "activeDrill");
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.DARK);
    private final Clock wall;

    public ConsoleState(Clock wall) {
        this.wall = wall;
    }

    /** The incident id every panel shows; null when none is selected. */
    public StringProperty selectedIncidentProperty() {
        return selectedIncident;
    }

    public String getSelectedIncident() {
        return selectedIncident.get();
    }

    public void setSelectedIncident(String id) {
        selectedIncident.set(id);
    }

    /** The drill being played from this console; null when none runs. */
    public ObjectProperty<LiveDrill> activeDrillProperty() {
        return activeDrill;
    }

    public LiveDrill getActiveDrill() {
        return activeDrill.get();
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /**
     * The clock an incident's times are read against: a drill's incident lives on drill time, so its
     * countdowns run at the drill's speed; everything else on the wall clock.
     */
    public Clock clockFor(String incidentId) {
        LiveDrill drill = activeDrill.get();
        if (drill != null && incidentId != null && drill.incidentId().map(incidentId::equals).orElse(false)) {
            return drill.clock();
        }
        return wall;
    }

    /** True when {@code incidentId} is the drill being played. */
    public boolean isActiveDrill(String incidentId) {
        LiveDrill drill = activeDrill.get();
        return drill != null && incidentId != null && drill.incidentId().map(incidentId::equals).orElse(false);
    }
}
