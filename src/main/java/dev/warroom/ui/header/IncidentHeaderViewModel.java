package dev.warroom.ui.header;

import dev.warroom.incident.EventPayload;
import dev.warroom.incident.Incident;
import dev.warroom.incident.SeverityTarget;
import dev.warroom.incident.Timeline;
import dev.warroom.incident.TimelineEvent;
import dev.warroom.paging.EscalationLevel;
import dev.warroom.time.Durations;
import dev.warroom.ui.console.ConsoleServices;
import dev.warroom.ui.console.ConsoleState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The incident header: what the IC must read in three seconds (how bad, where we are, how long,
 * what is overdue) and the two things they do from it (assign roles, post a status update). Reads
 * and writes run through {@link ConsoleServices#inBackground}; the properties change on the FX
 * thread. Countdowns move on {@link #refresh()}, which the console calls once a second, and are read
 * against {@link ConsoleState#clockFor}: a drill's incident counts down in drill time.
 */
public final class IncidentHeaderViewModel {
    public static final String QUIET_SHIFT = "No incident selected — quiet shift";
    /** Who the timeline names when the console writes and no person owns the incident yet. */
    public static final String CONSOLE_ACTOR = "warroom/console";
    /** Status updates from the header go to the status page. */
    public static final String AUDIENCE = "stakeholders";
    static final String NOBODY = "--";

    /** The roles the header shows and assigns, with the names the timeline records. */
    public enum Role {
        COMMANDER("incident_commander", "IC"), SCRIBE("scribe", "scribe"), COMMS("comms", "comms");

        private final String id;
        private final String label;

        Role(String id, String label) {
            this.id = id;
            this.label = label;
        }

        /** The role's name on the timeline: {@code incident_commander}. */
        public String id() {
            return id;
        }

        /** The short word on screen: "IC". */
        public String label() {
            return label;
        }
    }

    /** What one background read brings back. */
    private record Snapshot(String id, Incident incident, Instant firstStatusUpdate) {
    }

    private final ConsoleServices services;
    private final ConsoleState state;

    private final ReadOnlyBooleanWrapper selected = new ReadOnlyBooleanWrapper(this, "selected");
    private final ReadOnlyStringWrapper incidentId = new ReadOnlyStringWrapper(this, "incidentId", "");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", QUIET_SHIFT);
    private final ReadOnlyStringWrapper severityText = new ReadOnlyStringWrapper(this, "severityText", "");
    private final ReadOnlyStringWrapper severityStyleClass = new ReadOnlyStringWrapper(this, "severityStyleClass", "");
    private final ReadOnlyStringWrapper stateText = new ReadOnlyStringWrapper(this, "stateText", "");
    private final ReadOnlyStringWrapper stateStyleClass = new ReadOnlyStringWrapper(this, "stateStyleClass", "");
    private final ReadOnlyStringWrapper elapsed = new ReadOnlyStringWrapper(this, "elapsed", "");
    private final ReadOnlyBooleanWrapper drill = new ReadOnlyBooleanWrapper(this, "drill");
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper(this, "open");
    private final ReadOnlyStringWrapper commander = new ReadOnlyStringWrapper(this, "commander", NOBODY);
    private final ReadOnlyStringWrapper scribe = new ReadOnlyStringWrapper(this, "scribe", NOBODY);
    private final ReadOnlyStringWrapper comms = new ReadOnlyStringWrapper(this, "comms", NOBODY);
    private final ReadOnlyObjectWrapper<Countdown> ack = new ReadOnlyObjectWrapper<>(this, "ack", Countdown.NONE);
    private final ReadOnlyObjectWrapper<Countdown> statusUpdate =
            new ReadOnlyObjectWrapper<>(this, "statusUpdate", Countdown.NONE);
    private final ObservableList<Countdown> goodLooksLike = FXCollections.observableArrayList();
    private final ObservableList<String> people = FXCollections.observableArrayList();
    // one read-only view each: a fresh wrapper per call would drop its listeners when collected
    private final ObservableList<Countdown> goodLooksLikeView = FXCollections.unmodifiableObservableList(goodLooksLike);
    private final ObservableList<String> peopleView = FXCollections.unmodifiableObservableList(people);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed");

    private Snapshot shown;

    public IncidentHeaderViewModel(ConsoleServices services, ConsoleState state) {
        this.services = Objects.requireNonNull(services, "services");
        this.state = Objects.requireNonNull(state, "state");
        state.selectedIncidentProperty().addListener((obs, was, id) -> {
            message.set("");
            failed.set(false);
            refresh();
        });
        state.activeDrillProperty().addListener((obs, was, now) -> refresh());
        people.setAll(ladderPeople());
    }

    // ---- commands

    /** Re-reads the selected incident in the background; the countdowns move even when nothing changed. */
    public void refresh() {
        String id = state.getSelectedIncident();
        if (id == null) {
            showNothing();
            return;
        }
        Timeline timeline = services.timeline();
        services.inBackground(() -> read(timeline, id), this::show, e -> fail("could not read " + id, e));
    }

    /**
     * Records that {@code person} holds {@code role} on the selected incident, in the background;
     * refused (with a message) when nothing is selected or the name is blank.
     */
    public void assignRole(Role role, String person) {
        String name = person == null ? "" : person.strip();
        Snapshot at = shown;
        if (at == null || at.incident() == null) {
            say("select an incident before assigning roles", true);
            return;
        }
        if (name.isEmpty()) {
            say("a " + role.label() + " needs a name", true);
            return;
        }
        String id = at.id();
        String actor = actor(at.incident());
        Timeline timeline = timelineFor(id);
        services.inBackground(() -> timeline.record(id, actor, new EventPayload.RoleAssigned(role.id(), name)),
                event -> {
                    say(name + " is " + role.label() + " on " + id, false);
                    refresh();
                }, e -> fail("could not make " + name + " " + role.label(), e));
    }

    /** Records a status update for the status page on the selected incident, in the background. */
    public void postUpdate(String text) {
        String body = text == null ? "" : text.strip();
        Snapshot at = shown;
        if (at == null || at.incident() == null) {
            say("select an incident before posting an update", true);
            return;
        }
        if (body.isEmpty()) {
            say("a status update needs some words", true);
            return;
        }
        String id = at.id();
        String actor = actor(at.incident());
        Timeline timeline = timelineFor(id);
        services.inBackground(() -> timeline.record(id, actor, new EventPayload.StatusUpdatePosted(AUDIENCE, body)),
                event -> {
                    say("status update posted on " + id, false);
                    refresh();
                }, e -> fail("could not post the status update", e));
    }

    /** A first draft of the next status update, from what the header knows; the IC edits it. */
    public String draftUpdate() {
        Snapshot at = shown;
        if (at == null || at.incident() == null) {
            return "";
        }
        Incident incident = at.incident();
        String lead = switch (incident.state()) {
            case DETECTED, TRIAGED -> "Investigating";
            case MITIGATING -> "Mitigating";
            case MITIGATED -> "Mitigated, watching";
            case RESOLVED, CLOSED -> "Resolved";
        };
        SeverityTarget target = services.severities().target(incident.severity());
        String next = incident.isOpen() && target.statusUpdateEvery() != null
                ? " Next update within " + Durations.format(target.statusUpdateEvery()) + "." : "";
        return lead + ": " + incident.title() + "." + next;
    }

    // ---- what the view binds

    /** True while an incident is selected and found. */
    public ReadOnlyBooleanProperty selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty incidentIdProperty() {
        return incidentId.getReadOnlyProperty();
    }

    /** The incident's title, or {@link #QUIET_SHIFT} when none is selected. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** "SEV-1". */
    public ReadOnlyStringProperty severityTextProperty() {
        return severityText.getReadOnlyProperty();
    }

    /** "sev-1". */
    public ReadOnlyStringProperty severityStyleClassProperty() {
        return severityStyleClass.getReadOnlyProperty();
    }

    /** "MITIGATING". */
    public ReadOnlyStringProperty stateTextProperty() {
        return stateText.getReadOnlyProperty();
    }

    /** "state-mitigating". */
    public ReadOnlyStringProperty stateStyleClassProperty() {
        return stateStyleClass.getReadOnlyProperty();
    }

    /** "00:23:41" since declaration (to resolution once resolved). */
    public ReadOnlyStringProperty elapsedProperty() {
        return elapsed.getReadOnlyProperty();
    }

    /** True for a drill's incident: the header says DRILL. */
    public ReadOnlyBooleanProperty drillProperty() {
        return drill.getReadOnlyProperty();
    }

    /** True while the selected incident is open: roles and updates can be recorded. */
    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }

    /** Who holds {@code role}, or "--". */
    public ReadOnlyStringProperty roleProperty(Role role) {
        return switch (role) {
            case COMMANDER -> commander.getReadOnlyProperty();
            case SCRIBE -> scribe.getReadOnlyProperty();
            case COMMS -> comms.getReadOnlyProperty();
        };
    }

    /** Time to ack against the severity's target, or how long the ack took. */
    public ReadOnlyObjectProperty<Countdown> ackProperty() {
        return ack.getReadOnlyProperty();
    }

    /** When the next status update is due. */
    public ReadOnlyObjectProperty<Countdown> statusUpdateProperty() {
        return statusUpdate.getReadOnlyProperty();
    }

    /** The "what good looks like" marks of the severity (ack, status page, resolve); empty when it has none. */
    public ObservableList<Countdown> goodLooksLike() {
        return goodLooksLikeView;
    }

    /** People to offer for a role: the escalation ladder's, then whoever already holds a role. */
    public ObservableList<String> people() {
        return peopleView;
    }

    /** What the last action did, or why it failed. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True when {@link #messageProperty()} is an error. */
    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    // ---- reading

    private static Snapshot read(Timeline timeline, String id) {
        Optional<Incident> incident = timeline.incident(id);
        if (incident.isEmpty()) {
            return new Snapshot(id, null, null);
        }
        Instant firstStatus = timeline.events(id).stream()
                .filter(e -> e.payload() instanceof EventPayload.StatusUpdatePosted)
                .map(TimelineEvent::at).findFirst().orElse(null);
        return new Snapshot(id, incident.get(), firstStatus);
    }

    private void show(Snapshot snapshot) {
        if (!snapshot.id().equals(state.getSelectedIncident())) {
            return;
        }
        shown = snapshot;
        Incident incident = snapshot.incident();
        if (incident == null) {
            clear();
            incidentId.set(snapshot.id());
            title.set("not in the store — it may have been removed");
            return;
        }
        Instant now = state.clockFor(incident.id()).instant();
        SeverityTarget target = services.severities().target(incident.severity());
        selected.set(true);
        incidentId.set(incident.id());
        title.set(incident.title());
        severityText.set(incident.severity().label().toUpperCase(Locale.ROOT));
        severityStyleClass.set("sev-" + incident.severity().ordinal());
        stateText.set(incident.state().name());
        stateStyleClass.set("state-" + incident.state().id());
        Instant end = incident.resolvedAt() != null ? incident.resolvedAt() : now;
        elapsed.set(TimeText.elapsed(Duration.between(incident.declaredAt(), end)));
        drill.set(incident.drill());
        open.set(incident.isOpen());
        commander.set(role(incident, Role.COMMANDER));
        scribe.set(role(incident, Role.SCRIBE));
        comms.set(role(incident, Role.COMMS));
        ack.set(ackCountdown(incident, target, now));
        statusUpdate.set(statusCountdown(incident, target, now));
        goodLooksLike.setAll(marks(incident, target, snapshot.firstStatusUpdate(), now));
        Set<String> names = new LinkedHashSet<>(ladderPeople());
        names.addAll(incident.roles().values());
        if (!people.equals(new ArrayList<>(names))) {
            people.setAll(names);
        }
    }

    private void showNothing() {
        shown = null;
        clear();
    }

    private void clear() {
        selected.set(false);
        incidentId.set("");
        title.set(QUIET_SHIFT);
        severityText.set("");
        severityStyleClass.set("");
        stateText.set("");
        stateStyleClass.set("");
        elapsed.set("");
        drill.set(false);
        open.set(false);
        commander.set(NOBODY);
        scribe.set(NOBODY);
        comms.set(NOBODY);
        ack.set(Countdown.NONE);
        statusUpdate.set(Countdown.NONE);
        goodLooksLike.clear();
    }

    // ---- the countdowns

    /** "ack due in 10:48 / 15:00" until someone acks, then "acked 04:12 / 15:00 (ok)" or "(late)". */
    private Countdown ackCountdown(Incident incident, SeverityTarget target, Instant now) {
        Instant declared = incident.declaredAt();
        Optional<Duration> within = target.ackTarget(declared, services.severities().businessHours());
        String of = within.map(d -> " / " + TimeText.countdown(d)).orElse("");
        Optional<Duration> took = incident.timeToAck();
        if (took.isPresent()) {
            if (within.isEmpty()) {
                return new Countdown("acked " + TimeText.countdown(took.get()), Countdown.Tone.MET);
            }
            boolean inTime = took.get().compareTo(within.get()) <= 0;
            return new Countdown("acked " + TimeText.countdown(took.get()) + of + (inTime ? " (ok)" : " (late)"),
                    inTime ? Countdown.Tone.MET : Countdown.Tone.MISSED);
        }
        if (!incident.isOpen()) {
            return new Countdown("never acked", Countdown.Tone.QUIET);
        }
        if (within.isEmpty()) {
            // a ticket: acked by the start of the next business day
            Instant due = target.ackDeadline(declared, services.severities().businessHours());
            return Countdown.until("ticket ack", due, Duration.between(declared, due), now);
        }
        Countdown c = Countdown.until("ack", declared.plus(within.get()), within.get(), now);
        return new Countdown(c.text() + of, c.tone());
    }

    /** Every {@code statusUpdateEvery} since the last update (or the declaration). */
    private static Countdown statusCountdown(Incident incident, SeverityTarget target, Instant now) {
        if (!incident.isOpen()) {
            return new Countdown("no more updates due (" + incident.state().id() + ")", Countdown.Tone.QUIET);
        }
        Duration every = target.statusUpdateEvery();
        if (every == null) {
            return new Countdown("no status updates for " + incident.severity().label(), Countdown.Tone.QUIET);
        }
        Instant since = incident.lastStatusUpdateAt() != null ? incident.lastStatusUpdateAt() : incident.declaredAt();
        return Countdown.until("status update", since.plus(every), every, now);
    }

    /** Ack, first status-page update and resolution, each against its "what good looks like" mark. */
    private static List<Countdown> marks(Incident incident, SeverityTarget target, Instant firstStatus, Instant now) {
        SeverityTarget.GoodLooksLike good = target.goodLooksLike();
        if (good == null) {
            return List.of();
        }
        Instant declared = incident.declaredAt();
        List<Countdown> marks = new ArrayList<>();
        mark(marks, "ack", good.ack(), declared, incident.paging().ackedAt(), incident.isOpen(), now);
        mark(marks, "status page", good.statusPage(), declared, firstStatus, incident.isOpen(), now);
        mark(marks, "resolve", good.resolve(), declared, incident.resolvedAt(), incident.isOpen(), now);
        return marks;
    }

    private static void mark(List<Countdown> marks, String what, Duration within, Instant declared, Instant doneAt,
                             boolean open, Instant now) {
        if (within == null) {
            return;
        }
        String name = what + " " + Durations.format(within);
        if (doneAt != null) {
            Duration took = Duration.between(declared, doneAt);
            boolean inTime = took.compareTo(within) <= 0;
            marks.add(new Countdown(name + (inTime ? " met " : " missed ") + TimeText.countdown(took),
                    inTime ? Countdown.Tone.MET : Countdown.Tone.MISSED));
        } else if (!open) {
            marks.add(new Countdown(name + " missed", Countdown.Tone.MISSED));
        } else {
            marks.add(Countdown.until(name, declared.plus(within), within, now));
        }
    }

    // ---- helpers

    private static String role(Incident incident, Role role) {
        String person = incident.roles().get(role.id());
        return person == null || person.isBlank() ? NOBODY : person;
    }

    /** The timeline names the IC as the one who wrote, else whoever acked, else the console. */
    private static String actor(Incident incident) {
        String ic = incident.roles().get(Role.COMMANDER.id());
        if (ic != null && !ic.isBlank()) {
            return ic;
        }
        String acked = incident.paging().ackedBy();
        return acked != null && !acked.isBlank() ? acked : CONSOLE_ACTOR;
    }

    /** A drill's incident is written in drill time, so its timeline stays in one clock. */
    private Timeline timelineFor(String id) {
        return state.isActiveDrill(id) ? services.timelineOn().apply(state.clockFor(id)) : services.timeline();
    }

    private List<String> ladderPeople() {
        return services.escalation().levels().stream().map(EscalationLevel::person).distinct().toList();
    }

    private void say(String text, boolean error) {
        message.set(text);
        failed.set(error);
    }

    private void fail(String what, Exception e) {
        say(what + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), true);
    }
}
