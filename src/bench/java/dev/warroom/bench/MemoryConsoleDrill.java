package dev.warroom.bench;

import dev.warroom.app.WarroomApp;
import dev.warroom.drill.LiveDrill;
import dev.warroom.drill.ScenarioLibrary;
import dev.warroom.incident.SeverityPolicy;
import dev.warroom.incident.Timeline;
import dev.warroom.paging.EscalationLadder;
import dev.warroom.paging.EscalationPolicy;
import dev.warroom.paging.RecordingPager;
import dev.warroom.runbook.RunbookLibrary;
import dev.warroom.slo.AlertPolicy;
import dev.warroom.store.StorePaths;
import dev.warroom.store.WarroomStore;
import dev.warroom.time.VirtualClock;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The real console ({@link WarroomApp}, on the store {@code WARROOM_DB} names) with a live drill
 * ticking in the same JVM, for {@link MemoryBench}. The console cannot start a drill by itself yet,
 * so this class plays it: a provider-outage drill at 60x on the console's own store, so the drill's
 * incident, pages and runbook steps show on the console's board as they happen, and a scripted
 * responder acks the page and works the suggested runbook. The console's store is found by type
 * among {@code WarroomApp}'s fields (one connection per store file and process); should that fail,
 * the drill runs on a store of its own, still in this JVM.
 *
 * <p>When the console gains a way to start a drill itself, the benchmark should launch that instead.
 */
public final class MemoryConsoleDrill {
    static final String SCENARIO = "provider-outage";
    static final double SPEED = 60;

    private MemoryConsoleDrill() {
    }

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /** Public so JavaFX can construct it. */
    public static final class App extends Application {
        private final WarroomApp console = new WarroomApp();
        private final ScheduledExecutorService drillThreads = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-drill");
            t.setDaemon(true);
            return t;
        });
        private final Instant started = Instant.now();
        private WarroomStore ownStore;
        private LiveDrill drill;

        @Override
        public void init() {
            console.init();
        }

        @Override
        public void start(Stage stage) {
            console.start(stage);
            // the console opens its store after its start-up frame: start the drill once it is there
            drillThreads.schedule(this::startDrill, 100, TimeUnit.MILLISECONDS);
        }

        private void startDrill() {
            WarroomStore store = consoleStore();
            if (store == null && Duration.between(started, Instant.now()).toSeconds() < 30) {
                drillThreads.schedule(this::startDrill, 100, TimeUnit.MILLISECONDS);
                return;
            }
            if (store == null) {
                // the console's store is out of reach: still run the drill in this JVM, on a store of its own
                ownStore = WarroomStore.openH2(Path.of(StorePaths.resolve(null) + "-drill"));
                store = ownStore;
            }
            VirtualClock clock = new VirtualClock(Instant.now());
            Timeline timeline = store.timeline(clock);
            RunbookLibrary runbooks = RunbookLibrary.bundled();
            EscalationLadder ladder = new EscalationLadder(EscalationPolicy.defaults(), SeverityPolicy.defaults(),
                    new RecordingPager(), timeline, clock);
            drill = new LiveDrill(ScenarioLibrary.bundled().require(SCENARIO), runbooks, timeline, ladder,
                    AlertPolicy.sreWorkbook(), SeverityPolicy.defaults(), clock, 7, SPEED);
            drill.start(drillThreads, Duration.ofSeconds(1));
            drillThreads.scheduleWithFixedDelay(this::respond, 5, 5, TimeUnit.SECONDS);
            drillThreads.scheduleWithFixedDelay(this::report, 1, 1, TimeUnit.SECONDS);
        }

        /** Where the drill stands, for the harness to show that it really ran. */
        private void report() {
            var decision = drill.decision();
            System.out.println("DRILL " + drill.scenario().id() + " drill time +"
                    + Duration.between(started, drill.clock().instant()).toMinutes() + " min, incident "
                    + drill.incidentId().orElse("none yet") + ", decision "
                    + (decision == null ? "none" : decision.state()) + ", runbook "
                    + drill.runbookRun().map(r -> r.progress().status() + " at step " + r.progress().nextStep()).orElse("not started")
                    + ", mitigations " + drill.appliedMitigations());
        }

        /** A responder who acks the page, starts the suggested runbook and acks a step every 5 s. */
        private void respond() {
            try {
                if (drill.incidentId().isEmpty()) {
                    return;
                }
                if (drill.runbookRun().isEmpty()) {
                    drill.acknowledge("bench");
                    drill.startRunbook(drill.suggestedRunbook(), "bench");
                } else {
                    drill.ackStep("bench");
                }
            } catch (RuntimeException e) {
                // a finished runbook or an already-acked page: the drill goes on ticking
            }
        }

        @Override
        public void stop() {
            if (drill != null) {
                drill.close();
            }
            drillThreads.shutdownNow();
            console.stop();
            if (ownStore != null) {
                ownStore.close();
            }
        }

        /** The store inside the console's opened state (WarroomApp keeps it in a record field), or null. */
        private WarroomStore consoleStore() {
            try {
                for (Field f : WarroomApp.class.getDeclaredFields()) {
                    if (f.getType().getSimpleName().equals("Opened")) {
                        f.setAccessible(true);
                        Object opened = f.get(console);
                        if (opened == null) {
                            return null;
                        }
                        var accessor = opened.getClass().getDeclaredMethod("store");
                        accessor.setAccessible(true);
                        return (WarroomStore) accessor.invoke(opened);
                    }
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
            return null;
        }
    }
}
