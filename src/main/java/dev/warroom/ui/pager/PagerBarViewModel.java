package dev.warroom.ui.pager;

import dev.warroom.drill.LiveDrill;
import dev.warroom.incident.EventPayload;
import dev.warroom.incident.Incident;
import dev.warroom.incident.PageState;
import dev.warroom.incident.Timeline;
import dev.warroom.incident.TimelineEvent;
import dev.warroom.paging.EscalationLadder;
import dev.warroom.paging.EscalationLevel;
import dev.warroom.paging.EscalationPolicy;
import dev.warroom.ui.console.ConsoleServices;
import dev.warroom.ui.console.ConsoleState;
import dev.warroom.ui.header.Countdown;
import dev.warroom.ui.header.TimeText;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The pager bar: the escalation ladder for the selected incident (who was paged at which level, who
 * acked, who is paged next and when), the countdown to the next escalation, the Ack command, and the
 * open tickets listed apart because they never page. Reads and the ack run through
 * {@link ConsoleServices#inBackground}; times are read on {@link ConsoleState#clockFor}, so a drill's
 * ladder counts down in drill time. The drill being played is acked through its {@link LiveDrill}.
 */
public final class PagerBarViewModel {
    public static final String NO_INCIDENT = "No incident selected";

    /** What one background read brings back. */
    private record Snapshot(String id, Incident incident, Map<String, Instant> pagedAt, List<String> tickets) {
    }

    private final ConsoleServices services;
    private final ConsoleState state;
    private final EscalationPolicy policy;
    private final EscalationLadder ladder;

    private final ReadOnlyStringWrapper incidentId = new ReadOnlyStringWrapper(this, "incidentId", "");
    private final ReadOnlyBooleanWrapper drill = new ReadOnlyBooleanWrapper(this, "drill");
    private final ObservableList<Rung> rungs = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Countdown> escalation =
            new ReadOnlyObjectWrapper<>(this, "escalation", new Countdown(NO_INCIDENT, Countdown.Tone.QUIET));
    private final ObservableList<String> tickets = FXCollections.observableArrayList();
    // one read-only view each: a fresh wrapper per call would drop its listeners when collected
    private final ObservableList<Rung> rungsView = FXCollections.unmodifiableObservableList(rungs);
    private final ObservableList<String> ticketsView = FXCollections.unmodifiableObservableList(tickets);
    private final ReadOnlyBooleanWrapper ackable = new ReadOnlyBooleanWrapper(this, "ackable");
    private final ReadOnlyStringWrapper ackText = new ReadOnlyStringWrapper(this, "ackText", "Ack");
    private final ReadOnlyStringWrapper ackHelp = new ReadOnlyStringWrapper(this, "ackHelp", NO_INCIDENT + ": nothing to ack");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed");

    private Snapshot shown;
    private boolean acking;

    public PagerBarViewModel(ConsoleServices services, ConsoleState state) {
        this.services = Objects.requireNonNull(services, "services");
        this.state = Objects.requireNonNull(state, "state");
        this.policy = services.escalation();
        this.ladder = services.liveLadder();
        state.selectedIncidentProperty().addListener((obs, was, id) -> {
            say("", false);
            refresh();
        });
        state.activeDrillProperty().addListener((obs, was, now) -> refresh());
        rungs.setAll(idleLadder());
    }

    // ---- commands

    /** Re-reads the selected incident's paging and the open tickets in the background. */
    public void refresh() {
        String id = state.getSelectedIncident();
        Timeline timeline = services.timeline();
        services.inBackground(() -> read(timeline, id), this::show, e -> fail("could not read the pager", e));
    }

    /**
     * Acks the open page as the person it is waiting on (the drill's incident through the drill),
     * in the background. Returns false, saying why in {@link #ackHelpProperty()} and the message,
     * when there is nothing to ack; the console's shortcut calls this.
     */
    public boolean ack() {
        Snapshot at = shown;
        if (!ackable.get() || at == null || at.incident() == null || acking) {
            say(ackHelp.get(), true);
            return false;
        }
        Incident incident = at.incident();
        String id = incident.id();
        String person = incident.paging().target();
        String level = incident.paging().level();
        LiveDrill drilling = state.isActiveDrill(id) ? state.getActiveDrill() : null;
        acking = true;
        ackable.set(false);
        services.inBackground(() -> {
            if (drilling != null) {
                drilling.acknowledge(person);
            } else {
                ladder.acknowledge(id, person);
            }
            return person;
        }, who -> {
            acking = false;
            say(id + " acked by " + who + " (" + level + ")", false);
            refresh();
        }, e -> {
            acking = false;
            fail("ack failed", e);
            refresh();
        });
        return true;
    }

    // ---- what the view binds

    /** The incident the ladder is shown for, "" when none. */
    public ReadOnlyStringProperty incidentIdProperty() {
        return incidentId.getReadOnlyProperty();
    }

    /** True for a drill's incident: the bar says DRILL. */
    public ReadOnlyBooleanProperty drillProperty() {
        return drill.getReadOnlyProperty();
    }

    /** Every level of the ladder, top to bottom, with who is paged there and how that stands. */
    public ObservableList<Rung> rungs() {
        return rungsView;
    }

    /** "escalates in 03:12", "escalation OVERDUE 00:10", "acked by li — ladder stopped", "ladder EXHAUSTED — nobody acked". */
    public ReadOnlyObjectProperty<Countdown> escalationProperty() {
        return escalation.getReadOnlyProperty();
    }

    /** Open tickets, which never page: "ticket TICKET-0002 — Sev-3, never pages". */
    public ObservableList<String> tickets() {
        return ticketsView;
    }

    /** True while a page waits for an ack. */
    public ReadOnlyBooleanProperty ackableProperty() {
        return ackable.getReadOnlyProperty();
    }

    /** "Ack li" (the person paged now; the level is on the rung and in the tooltip) or "Ack". */
    public ReadOnlyStringProperty ackTextProperty() {
        return ackText.getReadOnlyProperty();
    }

    /** What Ack does now, or why it cannot: the button's tooltip. */
    public ReadOnlyStringProperty ackHelpProperty() {
        return ackHelp.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    // ---- reading

    private static Snapshot read(Timeline timeline, String id) {
        List<String> tickets = timeline.openIncidents().stream().filter(i -> i.ticket() != null)
                .map(i -> "ticket " + i.ticket() + " — " + i.severity().label() + ", never pages")
                .toList();
        if (id == null) {
            return new Snapshot(null, null, Map.of(), tickets);
        }
        Optional<Incident> incident = timeline.incident(id);
        Map<String, Instant> pagedAt = new HashMap<>();
        if (incident.isPresent()) {
            for (TimelineEvent e : timeline.events(id)) {
                if (e.payload() instanceof EventPayload.Paged p) {
                    pagedAt.put(p.level(), e.at());
                }
            }
        }
        return new Snapshot(id, incident.orElse(null), pagedAt, tickets);
    }

    private void show(Snapshot snapshot) {
        if (!Objects.equals(snapshot.id(), state.getSelectedIncident())) {
            return;
        }
        shown = snapshot;
        if (!tickets.equals(snapshot.tickets())) {
            tickets.setAll(snapshot.tickets());
        }
        Incident incident = snapshot.incident();
        if (incident == null) {
            incidentId.set(snapshot.id() == null ? "" : snapshot.id());
            drill.set(false);
            rungs.setAll(idleLadder());
            escalation.set(new Countdown(snapshot.id() == null ? NO_INCIDENT : snapshot.id() + " is not in the store",
                    Countdown.Tone.QUIET));
            cannotAck(snapshot.id() == null ? NO_INCIDENT + ": nothing to ack" : snapshot.id() + " is not in the store");
            return;
        }
        Instant now = state.clockFor(incident.id()).instant();
        incidentId.set(incident.id());
        drill.set(incident.drill());
        rungs.setAll(rungsOf(incident, snapshot.pagedAt()));
        escalation.set(escalationOf(incident, now));
        PageState paging = incident.paging();
        if (acking) {
            return;
        }
        if (!incident.isOpen()) {
            cannotAck(incident.id() + " is " + incident.state().id() + ": nothing to ack");
        } else if (paging.awaitingAck()) {
            ackable.set(true);
            ackText.set("Ack " + paging.target());
            ackHelp.set("Acknowledge " + incident.id() + " as " + paging.target() + ", paged at " + paging.level()
                    + "; stops the ladder");
        } else if (paging.status() == PageState.Status.ACKED) {
            cannotAck("Already acked by " + paging.ackedBy() + " at "
                    + TimeText.elapsed(Duration.between(incident.declaredAt(), paging.ackedAt())));
        } else if (incident.ticket() != null) {
            cannotAck(incident.id() + " is a " + incident.severity().label() + " ticket (" + incident.ticket()
                    + "): it never pages, nothing to ack");
        } else {
            cannotAck("Nothing is paged for " + incident.id() + ": nothing to ack");
        }
    }

    private void cannotAck(String why) {
        ackable.set(false);
        ackText.set("Ack");
        ackHelp.set(why);
    }

    private List<Rung> idleLadder() {
        return policy.levels().stream()
                .map(l -> new Rung(l.name(), l.person(), l.name() + " " + l.person(), Rung.Status.IDLE)).toList();
    }

    private List<Rung> rungsOf(Incident incident, Map<String, Instant> pagedAt) {
        PageState paging = incident.paging();
        Instant declared = incident.declaredAt();
        Optional<EscalationLevel> next = ladder.nextLevel(incident);
        Optional<Instant> deadline = ladder.deadline(incident);
        List<Rung> out = new ArrayList<>();
        for (EscalationLevel level : policy.levels()) {
            String who = level.name() + " " + level.person();
            boolean current = level.name().equals(paging.level());
            if (current && paging.status() == PageState.Status.ACKED) {
                String by = paging.ackedBy() != null && !paging.ackedBy().equals(level.person())
                        ? " by " + paging.ackedBy() : "";
                out.add(new Rung(level.name(), level.person(), who + " ACKED" + by + " "
                        + TimeText.elapsed(Duration.between(declared, paging.ackedAt())), Rung.Status.ACKED));
            } else if (current && paging.status() == PageState.Status.EXHAUSTED) {
                out.add(new Rung(level.name(), level.person(), who + " PAGED, NO ACK", Rung.Status.EXHAUSTED));
            } else if (current && paging.status() == PageState.Status.PAGING) {
                out.add(new Rung(level.name(), level.person(), who + " PAGED " + since(declared,
                        pagedAt.getOrDefault(level.name(), paging.lastPagedAt())), Rung.Status.PAGED));
            } else if (next.isPresent() && next.get().name().equals(level.name()) && deadline.isPresent()) {
                out.add(new Rung(level.name(), level.person(), who + " (would page at "
                        + TimeText.elapsed(Duration.between(declared, deadline.get())) + ")", Rung.Status.NEXT));
            } else if (pagedAt.containsKey(level.name())) {
                out.add(new Rung(level.name(), level.person(), who + " no ack", Rung.Status.PASSED));
            } else {
                out.add(new Rung(level.name(), level.person(), who, Rung.Status.IDLE));
            }
        }
        return out;
    }

    private Countdown escalationOf(Incident incident, Instant now) {
        PageState paging = incident.paging();
        if (!incident.isOpen() && paging.status() != PageState.Status.ACKED) {
            return new Countdown(incident.id() + " is " + incident.state().id() + " — ladder stopped",
                    Countdown.Tone.QUIET);
        }
        switch (paging.status()) {
            case ACKED:
                return new Countdown("acked by " + paging.ackedBy() + " — ladder stopped", Countdown.Tone.MET);
            case EXHAUSTED:
                return new Countdown("ladder EXHAUSTED — nobody acked", Countdown.Tone.OVERDUE);
            case PAGING:
                break;
            default:
                return new Countdown(incident.ticket() != null ? incident.severity().label() + " ticket, never pages"
                        : "not paged", Countdown.Tone.QUIET);
        }
        Optional<Instant> deadline = ladder.deadline(incident);
        if (deadline.isEmpty()) {
            return new Countdown("waiting for an ack", Countdown.Tone.ON_TRACK);
        }
        Duration delay = policy.level(paging.level()).map(EscalationLevel::delay).orElse(EscalationPolicy.DEFAULT_DELAY);
        // who comes next is on its rung ("would page at"); here only how long until it happens
        boolean climbs = ladder.nextLevel(incident).isPresent();
        Duration left = Duration.between(now, deadline.get());
        if (!left.isNegative() && !left.isZero()) {
            boolean soon = left.multipliedBy(3).compareTo(delay) <= 0;
            return new Countdown((climbs ? "escalates in " : "ladder exhausts in ") + TimeText.countdown(left),
                    soon ? Countdown.Tone.DUE_SOON : Countdown.Tone.ON_TRACK);
        }
        return new Countdown((climbs ? "escalation" : "exhaustion") + " OVERDUE " + TimeText.countdown(left.negated()),
                Countdown.Tone.OVERDUE);
    }

    private static String since(Instant declared, Instant at) {
        return at == null ? "" : TimeText.elapsed(Duration.between(declared, at));
    }

    private void say(String text, boolean error) {
        message.set(text);
        failed.set(error);
    }

    private void fail(String what, Exception e) {
        say(what + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), true);
    }
}
