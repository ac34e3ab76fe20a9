package dev.warroom.ui.incidents;

import dev.warroom.incident.Incident;
import dev.warroom.incident.Timeline;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The incident list: every incident, which one is selected, and a status line saying how fresh
 * the list is. No widgets here, so the list can be tested without a screen.
 *
 * <p>Threading: call {@link #refresh()} and {@link #select} on the FX thread and read the properties
 * there. The timeline is read on the {@code background} executor (it may be a database on disk);
 * results come back through {@code fxThread} ({@code Platform::runLater} in the app, {@code Runnable::run}
 * in tests), which is the only place properties change. A failed read shows in the status line and
 * keeps the last good rows on screen.
 */
public final class IncidentListViewModel {
    private final Timeline timeline;
    private final Executor background;
    private final Consumer<Runnable> fxThread;
    private final Clock clock;

    private final ObservableList<IncidentRow> incidents = FXCollections.observableArrayList();
    private final ObservableList<IncidentRow> incidentsView = FXCollections.unmodifiableObservableList(incidents);
    private final ReadOnlyObjectWrapper<IncidentRow> selectedIncident = new ReadOnlyObjectWrapper<>(this, "selectedIncident");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "loading…");
    private final ReadOnlyBooleanWrapper statusError = new ReadOnlyBooleanWrapper(this, "statusError");

    /** The selection is kept by id so it survives a refresh that replaces every row. */
    private String selectedId;
    /**
     * True while rows are being replaced: a table clears or moves its selection when its items
     * change, and that echo must not count as the person picking another incident.
     */
    private boolean replacingRows;
    private boolean refreshing;
    private boolean refreshAgain;
    private Instant lastGoodRead;

    /** {@code clock} stamps "refreshed 12:01:03 UTC"; inject a fixed one in tests. */
    public IncidentListViewModel(Timeline timeline, Executor background, Consumer<Runnable> fxThread, Clock clock) {
        this.timeline = Objects.requireNonNull(timeline, "timeline");
        this.background = Objects.requireNonNull(background, "background");
        this.fxThread = Objects.requireNonNull(fxThread, "fxThread");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Every incident, newest first. */
    public ObservableList<IncidentRow> incidents() {
        return incidentsView;
    }

    public ReadOnlyObjectProperty<IncidentRow> selectedIncidentProperty() {
        return selectedIncident.getReadOnlyProperty();
    }

    public IncidentRow getSelectedIncident() {
        return selectedIncident.get();
    }

    /** "3 incidents, 1 open · refreshed 12:01:03 UTC", or what went wrong. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public String getStatus() {
        return status.get();
    }

    /** True while the status line reports a failed read. */
    public ReadOnlyBooleanProperty statusErrorProperty() {
        return statusError.getReadOnlyProperty();
    }

    // ---- commands

    /**
     * Re-reads every incident in the background. A refresh asked for while one is running is folded
     * into a single follow-up, so a slow store never builds a queue.
     */
    public void refresh() {
        if (refreshing) {
            refreshAgain = true;
            return;
        }
        refreshing = true;
        String wanted = selectedId;
        try {
            background.execute(() -> {
                Runnable result;
                try {
                    List<Incident> all = timeline.incidents();
                    String id = all.stream().anyMatch(i -> i.id().equals(wanted)) ? wanted : defaultSelection(all);
                    List<IncidentRow> rows = all.stream().map(IncidentRow::of).toList();
                    Instant readAt = clock.instant();
                    result = () -> showRefresh(rows, id, readAt);
                } catch (RuntimeException | Error e) {
                    result = () -> showFailedRefresh(e);
                }
                fxThread.accept(result);
            });
        } catch (RuntimeException e) {
            // a refused executor (shutting down) is reported like a failed read
            showFailedRefresh(e);
        }
    }

    /** Selects the incident; null clears the selection. */
    public void select(IncidentRow row) {
        select(row == null ? null : row.id());
    }

    /** Selects by id; an id not listed yet is kept and selected once a refresh lists it. */
    public void select(String incidentId) {
        if (replacingRows || Objects.equals(incidentId, selectedId)) {
            return;
        }
        selectedId = incidentId;
        selectedIncident.set(findRow(incidentId));
    }

    // ---- results of background reads (run on the FX thread)

    private void showRefresh(List<IncidentRow> rows, String id, Instant readAt) {
        if (!incidents.equals(rows)) {
            replacingRows = true;
            try {
                incidents.setAll(rows);
            } finally {
                replacingRows = false;
            }
        }
        if (selectedId == null || findRow(selectedId) == null || Objects.equals(selectedId, id)) {
            // Only move the selection when the person has not picked another incident during the read.
            selectedId = id;
        }
        selectedIncident.set(findRow(selectedId));
        lastGoodRead = readAt;
        long open = rows.stream().filter(IncidentRow::open).count();
        status.set(count(rows.size(), "incident") + ", " + open + " open · refreshed " + UiFormats.clock(readAt) + " UTC");
        statusError.set(false);
        refreshDone();
    }

    private void showFailedRefresh(Throwable error) {
        status.set("could not read the incidents: " + describe(error) + (lastGoodRead == null ? " · nothing loaded yet"
                : " · showing what was read at " + UiFormats.clock(lastGoodRead) + " UTC"));
        statusError.set(true);
        refreshDone();
    }

    private void refreshDone() {
        refreshing = false;
        if (refreshAgain) {
            refreshAgain = false;
            refresh();
        }
    }

    /** The first open incident (the list is newest first), else the newest: what an IC looks at first. */
    private static String defaultSelection(List<Incident> all) {
        return all.stream().filter(Incident::isOpen).findFirst().or(() -> all.stream().findFirst())
                .map(Incident::id).orElse(null);
    }

    private IncidentRow findRow(String id) {
        return id == null ? null : incidents.stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String describe(Throwable error) {
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : UiFormats.oneLine(message);
    }
}
