package dev.warroom.ui.drill;

import dev.warroom.drill.LiveDrill;
import dev.warroom.drill.Scenario;
import dev.warroom.drill.ScoreCard;
import dev.warroom.incident.Incident;
import dev.warroom.incident.IncidentState;
import dev.warroom.incident.Timeline;
import dev.warroom.paging.EscalationLadder;
import dev.warroom.time.Durations;
import dev.warroom.time.VirtualClock;
import dev.warroom.ui.console.ConsoleServices;
import dev.warroom.ui.console.ConsoleState;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Drills panel: pick a scenario and a speed, start a {@link LiveDrill} on its own virtual clock,
 * watch it (drill time, speed, the mock's SLI, where the incident stands), resolve it once mitigated,
 * and read the score card. Holds no widgets; call everything on the FX thread. The drill's work
 * (building it, resolving, reading it) runs through {@link ConsoleServices#inBackground}.
 *
 * <p>The drill shown is whichever is {@link ConsoleState#activeDrillProperty() active}, so a drill
 * started elsewhere (a keyboard shortcut, a test) shows here too.
 */
public final class DrillsViewModel {
    /** Speeds offered: real time for a tabletop, faster to rehearse the mechanics. */
    public static final List<Double> SPEEDS = List.of(1.0, 10.0, 60.0, 300.0);
    public static final double DEFAULT_SPEED = 60.0;
    /** How often the drill clock ticks in wall time; each tick moves drill time by speed x this. */
    public static final Duration TICK_EVERY = Duration.ofMillis(250);

    private final ConsoleServices services;
    private final ConsoleState state;
    private final Duration tickEvery;
    private final String actor;

    private final ObservableList<ScenarioRow> scenarios = FXCollections.observableArrayList();
    private final ObjectProperty<ScenarioRow> selectedScenario = new SimpleObjectProperty<>(this, "selectedScenario");
    private final ObjectProperty<Double> speed = new SimpleObjectProperty<>(this, "speed", DEFAULT_SPEED);
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final ReadOnlyBooleanWrapper drilling = new ReadOnlyBooleanWrapper(this, "drilling");
    private final ReadOnlyStringWrapper drillTitle = new ReadOnlyStringWrapper(this, "drillTitle", "");
    private final ReadOnlyStringWrapper elapsed = new ReadOnlyStringWrapper(this, "elapsed", "00:00:00");
    private final ReadOnlyStringWrapper speedText = new ReadOnlyStringWrapper(this, "speedText", "");
    private final ReadOnlyStringWrapper sli = new ReadOnlyStringWrapper(this, "sli", ScoreLine.NONE);
    private final ReadOnlyStringWrapper objective = new ReadOnlyStringWrapper(this, "objective", "");
    private final ReadOnlyBooleanWrapper sliBelowObjective = new ReadOnlyBooleanWrapper(this, "sliBelowObjective");
    private final ReadOnlyStringWrapper phase = new ReadOnlyStringWrapper(this, "phase", "");
    private final ReadOnlyBooleanWrapper canResolve = new ReadOnlyBooleanWrapper(this, "canResolve");
    private final ReadOnlyBooleanWrapper resolved = new ReadOnlyBooleanWrapper(this, "resolved");
    private final ObservableList<ScoreLine> scoreLines = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper scoreTitle = new ReadOnlyStringWrapper(this, "scoreTitle", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final BooleanBinding canStart;

    private Instant drillStart;
    private String selectedFor;

    /** Ticks every {@link #TICK_EVERY}; resolves as {@code user.name}. */
    public DrillsViewModel(ConsoleServices services, ConsoleState state) {
        this(services, state, TICK_EVERY, System.getProperty("user.name", "ic"));
    }

    /**
     * @param tickEvery wall time between the drill clock's ticks; a test passes hours, so the drill
     *                  only moves when the test advances it
     * @param actor     who resolves the drill's incident
     */
    public DrillsViewModel(ConsoleServices services, ConsoleState state, Duration tickEvery, String actor) {
        this.services = services;
        this.state = state;
        this.tickEvery = tickEvery;
        this.actor = actor;
        services.scenarios().all().stream().map(ScenarioRow::of).forEach(scenarios::add);
        if (!scenarios.isEmpty()) {
            selectedScenario.set(scenarios.get(0));
        }
        canStart = Bindings.createBooleanBinding(() -> selectedScenario.get() != null && speed.get() != null
                && !busy.get() && state.getActiveDrill() == null, selectedScenario, speed, busy, state.activeDrillProperty());
        state.activeDrillProperty().addListener((obs, was, drill) -> show(drill));
        show(state.getActiveDrill());
    }

    // ---- commands

    /** Starts the selected scenario at the chosen speed; the clock starts at wall time now. */
    public void start() {
        if (!canStart.get()) {
            return;
        }
        String scenarioId = selectedScenario.get().id();
        double chosen = speed.get();
        busy.set(true);
        message.set("");
        services.inBackground(() -> {
            Scenario scenario = services.scenarios().require(scenarioId);
            Instant now = services.wall().instant();
            VirtualClock clock = new VirtualClock(now);
            Timeline timeline = services.timelineOn().apply(clock);
            EscalationLadder ladder = new EscalationLadder(services.escalation(), services.severities(),
                    services.pager(), timeline, clock);
            LiveDrill drill = new LiveDrill(scenario, services.runbooks(), timeline, ladder, services.alertPolicy(),
                    services.severities(), clock, now.getEpochSecond(), chosen);
            drill.start(services.scheduler(), tickEvery);
            return drill;
        }, drill -> {
            busy.set(false);
            state.activeDrillProperty().set(drill);
        }, e -> {
            busy.set(false);
            message.set("Could not start the drill: " + e.getMessage());
        });
    }

    /** Stops the drill clock and leaves drill mode; what happened stays on the timeline. */
    public void stop() {
        LiveDrill drill = state.getActiveDrill();
        if (drill == null) {
            return;
        }
        busy.set(true);
        services.inBackground(() -> {
            drill.close();
            return drill;
        }, d -> {
            busy.set(false);
            if (state.getActiveDrill() == d) {
                state.activeDrillProperty().set(null);
            }
        }, e -> {
            busy.set(false);
            message.set("Could not stop the drill: " + e.getMessage());
        });
    }

    /** Resolves the drill's incident once it is mitigated; the score card follows. */
    public void resolve() {
        LiveDrill drill = state.getActiveDrill();
        if (drill == null || !canResolve.get()) {
            return;
        }
        busy.set(true);
        canResolve.set(false);
        services.inBackground(() -> {
            drill.resolve(actor, null);
            return drill;
        }, d -> {
            busy.set(false);
            refresh();
        }, e -> {
            busy.set(false);
            message.set("Could not resolve: " + e.getMessage());
            refresh();
        });
    }

    /** Re-reads the drill (in the background); the console calls this once a second. */
    public void refresh() {
        LiveDrill drill = state.getActiveDrill();
        if (drill == null) {
            return;
        }
        services.inBackground(() -> Snapshot.of(drill, services.timeline()), snap -> {
            if (state.getActiveDrill() == drill) {
                apply(drill, snap);
            }
        }, e -> message.set("Could not read the drill: " + e.getMessage()));
    }

    // ---- what the view shows

    private void show(LiveDrill drill) {
        drilling.set(drill != null);
        canResolve.set(false);
        if (drill == null) {
            drillTitle.set("");
            phase.set("");
            return;
        }
        drillStart = drill.clock().instant();
        selectedFor = null;
        resolved.set(false);
        scoreLines.clear();
        scoreTitle.set("");
        drillTitle.set(drill.scenario().title());
        speedText.set(speed(drill.speed()));
        objective.set("objective " + percent(drill.scenario().slo().objective()));
        elapsed.set(clock(Duration.ZERO));
        sli.set(ScoreLine.NONE);
        sliBelowObjective.set(false);
        phase.set("Starting…");
        refresh();
    }

    private void apply(LiveDrill drill, Snapshot snap) {
        elapsed.set(clock(Duration.between(drillStart, snap.now())));
        sli.set(Double.isNaN(snap.sli()) ? ScoreLine.NONE : percent(snap.sli()));
        sliBelowObjective.set(!Double.isNaN(snap.sli()) && snap.sli() < drill.scenario().slo().objective());
        Incident incident = snap.incident();
        if (incident == null) {
            Duration in = Duration.between(drillStart, snap.now());
            phase.set(in.compareTo(drill.scenario().startsAfter()) < 0
                    ? "Healthy so far: the failure starts " + Durations.format(drill.scenario().startsAfter())
                    + " into the drill."
                    : "The failure is under way: waiting for the burn-rate alert to page.");
            canResolve.set(false);
            return;
        }
        if (selectedFor == null) {
            // once, when it is declared: afterwards the IC may look elsewhere
            selectedFor = incident.id();
            state.setSelectedIncident(incident.id());
        }
        canResolve.set(incident.state() == IncidentState.MITIGATED && !busy.get());
        String head = incident.id() + "  " + incident.severity().label() + "  ";
        phase.set(switch (incident.state()) {
            case DETECTED, TRIAGED -> head + incident.state().id() + (incident.paging().awaitingAck()
                    ? ": paging " + incident.paging().level() + ", ack it from the pager" : "");
            case MITIGATING -> head + "mitigating: watching the SLI recover";
            case MITIGATED -> head + "mitigated: resolve when you are satisfied";
            case RESOLVED, CLOSED -> head + "resolved: the score card is below";
        });
        if (snap.card() != null && !incident.isOpen()) {
            resolved.set(true);
            scoreTitle.set("Score card  " + incident.id() + "  " + incident.severity().label() + "  "
                    + drill.scenario().title());
            scoreLines.setAll(ScoreLine.of(snap.card()));
        }
    }

    /** What one background read of the drill found. */
    private record Snapshot(Instant now, double sli, Incident incident, ScoreCard card) {
        static Snapshot of(LiveDrill drill, Timeline timeline) {
            Optional<String> id = drill.incidentId();
            Incident incident = id.flatMap(timeline::incident).orElse(null);
            ScoreCard card = incident != null && !incident.isOpen() ? drill.scoreCard().orElse(null) : null;
            return new Snapshot(drill.clock().instant(), drill.sli(), incident, card);
        }
    }

    static String speed(double speed) {
        return new DecimalFormat("0.#", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(speed) + "x";
    }

    static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.1f%%", ratio * 100);
    }

    static String clock(Duration d) {
        return String.format(Locale.ROOT, "%02d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
    }

    // ---- properties

    public ObservableList<ScenarioRow> scenarios() {
        return scenarios;
    }

    public ObjectProperty<ScenarioRow> selectedScenarioProperty() {
        return selectedScenario;
    }

    public void select(String scenarioId) {
        scenarios.stream().filter(r -> r.id().equals(scenarioId)).findFirst().ifPresent(selectedScenario::set);
    }

    public ObjectProperty<Double> speedProperty() {
        return speed;
    }

    public BooleanBinding canStartProperty() {
        return canStart;
    }

    /** True while a drill is active in the console (running, or resolved and not yet ended). */
    public ReadOnlyBooleanProperty drillingProperty() {
        return drilling.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty drillTitleProperty() {
        return drillTitle.getReadOnlyProperty();
    }

    /** Drill time since the start, "00:23:41". */
    public ReadOnlyStringProperty elapsedProperty() {
        return elapsed.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty speedTextProperty() {
        return speedText.getReadOnlyProperty();
    }

    /** The mock system's SLI over the last five minutes of drill time, "85.1%". */
    public ReadOnlyStringProperty sliProperty() {
        return sli.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty objectiveProperty() {
        return objective.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty sliBelowObjectiveProperty() {
        return sliBelowObjective.getReadOnlyProperty();
    }

    /** Where the drill stands, in words. */
    public ReadOnlyStringProperty phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canResolveProperty() {
        return canResolve.getReadOnlyProperty();
    }

    /** True once the drill's incident is resolved and the score card is filled. */
    public ReadOnlyBooleanProperty resolvedProperty() {
        return resolved.getReadOnlyProperty();
    }

    public ObservableList<ScoreLine> scoreLines() {
        return scoreLines;
    }

    public ReadOnlyStringProperty scoreTitleProperty() {
        return scoreTitle.getReadOnlyProperty();
    }

    /** Why something failed; empty when all is well. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
