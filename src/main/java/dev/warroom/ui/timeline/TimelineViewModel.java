package dev.warroom.ui.timeline;

import dev.warroom.incident.EventPayload;
import dev.warroom.incident.Timeline;
import dev.warroom.incident.TimelineEvent;
import dev.warroom.ui.console.ConsoleServices;
import dev.warroom.ui.console.ConsoleState;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;
import javafx.collections.transformation.FilteredList;

/**
 * The selected incident's timeline, live: {@link #refresh()} (once a second, from the console)
 * reads it in the background and appends only the events not shown yet, since a timeline is
 * append-only. Filterable by event type; a quick note goes on the timeline as a {@code note} event
 * by {@link #youProperty() you}. Holds no widgets; every property is read and written on the FX thread.
 */
public final class TimelineViewModel {
    private final ConsoleServices services;
    private final ConsoleState state;

    private final ObservableList<TimelineEntry> entries = FXCollections.observableArrayList();
    private final FilteredList<TimelineEntry> visible = new FilteredList<>(entries, e -> true);
    private final ObservableList<String> types = FXCollections.observableArrayList();
    private final ObservableSet<String> selectedTypes = FXCollections.observableSet();
    private final BooleanBinding showingAll = Bindings.isEmpty(selectedTypes);
    // One read-only view each, kept: a view made per call holds its listeners weakly and may lose them.
    private final ObservableList<TimelineEntry> readOnlyEntries = FXCollections.unmodifiableObservableList(entries);
    private final ObservableList<String> readOnlyTypes = FXCollections.unmodifiableObservableList(types);
    private final ObservableSet<String> readOnlySelectedTypes = FXCollections.unmodifiableObservableSet(selectedTypes);

    private final ReadOnlyStringWrapper incident = new ReadOnlyStringWrapper(this, "incident", "");
    private final ReadOnlyBooleanWrapper drill = new ReadOnlyBooleanWrapper(this, "drill");
    private final ReadOnlyStringWrapper readError = new ReadOnlyStringWrapper(this, "readError", "");
    private final StringBinding count;

    private final StringProperty you = new SimpleStringProperty(this, "you", defaultYou());
    private final StringProperty note = new SimpleStringProperty(this, "note", "");
    private final ReadOnlyStringWrapper noteError = new ReadOnlyStringWrapper(this, "noteError", "");
    private final ReadOnlyBooleanWrapper writing = new ReadOnlyBooleanWrapper(this, "writing");
    private final ReadOnlyIntegerWrapper focusNoteRequests = new ReadOnlyIntegerWrapper(this, "focusNoteRequests");

    /** The incident whose events {@link #entries} hold; null when none is selected. */
    private String loaded;
    private Instant declaredAt;
    private long lastSeq;
    /** Bumped when the incident changes, so a read that comes back for the previous one is dropped. */
    private long generation;
    private boolean reading;

    public TimelineViewModel(ConsoleServices services, ConsoleState state) {
        this.services = services;
        this.state = state;
        selectedTypes.addListener((SetChangeListener<String>) c -> applyFilter());
        count = Bindings.createStringBinding(this::countText, entries, visible);
        state.selectedIncidentProperty().addListener((obs, was, now) -> refresh());
    }

    /** The OS user, as the one who writes notes until someone says otherwise. */
    public static String defaultYou() {
        String user = System.getProperty("user.name");
        return user == null || user.isBlank() ? "scribe" : user.strip();
    }

    // ---- what the panel shows

    /** Every event of the selected incident, in sequence order. */
    public ObservableList<TimelineEntry> entries() {
        return readOnlyEntries;
    }

    /** The events that pass the type filter. */
    public ObservableList<TimelineEntry> visibleEntries() {
        return visible;
    }

    /** The event types on this timeline, in order of first appearance. */
    public ObservableList<String> types() {
        return readOnlyTypes;
    }

    /** The types shown; empty means all. */
    public ObservableSet<String> selectedTypes() {
        return readOnlySelectedTypes;
    }

    public BooleanBinding showingAllProperty() {
        return showingAll;
    }

    /** "INC-0001  Checkout 503s from model provider", or empty when no incident is selected. */
    public ReadOnlyStringProperty incidentProperty() {
        return incident.getReadOnlyProperty();
    }

    /** True when the shown incident is a drill: the panel says DRILL. */
    public ReadOnlyBooleanProperty drillProperty() {
        return drill.getReadOnlyProperty();
    }

    /** "24 events" or "3 of 24 events". */
    public StringBinding countProperty() {
        return count;
    }

    /** Why the timeline could not be read; empty when it could. */
    public ReadOnlyStringProperty readErrorProperty() {
        return readError.getReadOnlyProperty();
    }

    /** Who notes are written as; the OS user by default. */
    public StringProperty youProperty() {
        return you;
    }

    /** The quick note being typed. */
    public StringProperty noteProperty() {
        return note;
    }

    /** Why the last note was not recorded (its text is kept); empty otherwise. */
    public ReadOnlyStringProperty noteErrorProperty() {
        return noteError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty writingProperty() {
        return writing.getReadOnlyProperty();
    }

    /** Counts {@link #focusNote()} calls; the view moves the keyboard focus to the note field on each. */
    public ReadOnlyIntegerProperty focusNoteRequestsProperty() {
        return focusNoteRequests.getReadOnlyProperty();
    }

    // ---- commands

    /** Reads the selected incident's timeline in the background and appends what is new. */
    public void refresh() {
        String id = state.getSelectedIncident();
        if (!Objects.equals(id, loaded)) {
            switchTo(id);
        }
        if (id == null || reading) {
            return;
        }
        reading = true;
        long asked = generation;
        services.inBackground(() -> services.timeline().events(id), events -> {
            if (asked != generation) {
                return;
            }
            reading = false;
            readError.set("");
            append(events);
        }, failure -> {
            if (asked != generation) {
                return;
            }
            reading = false;
            readError.set("Cannot read the timeline of " + id + ": " + message(failure));
        });
    }

    /** Shows only {@code type} besides the types already chosen, or stops showing it. */
    public void toggleType(String type) {
        if (!selectedTypes.remove(type)) {
            selectedTypes.add(type);
        }
    }

    /** Shows every type again. */
    public void showAllTypes() {
        selectedTypes.clear();
    }

    /**
     * Records the note as a {@code note} event by {@link #youProperty() you}. A blank note is
     * ignored; on success the field empties (unless more was typed meanwhile), on failure the text
     * stays and {@link #noteErrorProperty()} says why.
     */
    public void addNote() {
        String text = note.get() == null ? "" : note.get().strip();
        if (text.isEmpty() || writing.get()) {
            return;
        }
        String id = loaded;
        if (id == null) {
            noteError.set("Select an incident first: a note belongs on an incident's timeline.");
            return;
        }
        String by = you.get() == null || you.get().isBlank() ? defaultYou() : you.get().strip();
        writing.set(true);
        noteError.set("");
        Timeline target = timelineFor(id);
        services.inBackground(() -> target.record(id, by, new EventPayload.Note(text)), event -> {
            writing.set(false);
            if (note.get() != null && note.get().strip().equals(text)) {
                note.set("");
            }
            if (Objects.equals(id, loaded)) {
                append(List.of(event));
            }
        }, failure -> {
            writing.set(false);
            noteError.set("Note not recorded: " + message(failure));
        });
        focusNote();
    }

    /** Asks the view to put the keyboard in the note field; the console binds a key to it. */
    public void focusNote() {
        focusNoteRequests.set(focusNoteRequests.get() + 1);
    }

    // ---- internals

    private void switchTo(String id) {
        loaded = id;
        generation++;
        reading = false;
        entries.clear();
        types.clear();
        selectedTypes.clear();
        declaredAt = null;
        lastSeq = 0;
        incident.set(id == null ? "" : id);
        drill.set(false);
        readError.set("");
        noteError.set("");
    }

    /** Adds the events after the last one shown; a timeline only grows, so older ones never change. */
    private void append(List<TimelineEvent> events) {
        List<TimelineEvent> fresh = events.stream().filter(e -> e.seq() > lastSeq).toList();
        if (fresh.isEmpty()) {
            return;
        }
        if (declaredAt == null) {
            TimelineEvent first = fresh.get(0);
            declaredAt = first.at();
            if (first.payload() instanceof EventPayload.IncidentDeclared d) {
                incident.set(first.incidentId() + "  " + d.title());
                drill.set(d.drill());
            }
        }
        List<TimelineEntry> rows = fresh.stream().map(e -> TimelineEntry.of(e, declaredAt)).toList();
        lastSeq = fresh.get(fresh.size() - 1).seq();
        for (TimelineEntry row : rows) {
            if (!types.contains(row.type())) {
                types.add(row.type());
            }
        }
        entries.addAll(rows);
    }

    private void applyFilter() {
        visible.setPredicate(selectedTypes.isEmpty() ? e -> true : e -> selectedTypes.contains(e.type()));
    }

    /** A drill's notes are stamped with drill time, like the rest of its timeline. */
    private Timeline timelineFor(String id) {
        return state.isActiveDrill(id) ? services.timelineOn().apply(state.clockFor(id)) : services.timeline();
    }

    private String countText() {
        int all = entries.size();
        String noun = all == 1 ? " event" : " events";
        return visible.size() == all ? all + noun : String.format(Locale.ROOT, "%d of %d%s", visible.size(), all, noun);
    }

    static String message(Throwable failure) {
        String m = failure.getMessage();
        return m == null || m.isBlank() ? failure.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}
