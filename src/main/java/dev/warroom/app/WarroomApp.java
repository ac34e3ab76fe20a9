package dev.warroom.app;

import dev.warroom.drill.ScenarioLibrary;
import dev.warroom.paging.RecordingPager;
import dev.warroom.runbook.RunbookLibrary;
import dev.warroom.store.StoreException;
import dev.warroom.store.HandoffStore;
import dev.warroom.store.PostmortemStore;
import dev.warroom.store.StorePaths;
import dev.warroom.store.WarroomStore;
import dev.warroom.ui.ConsoleScene;
import dev.warroom.ui.StartupView;
import dev.warroom.ui.StoreErrorView;
import dev.warroom.ui.console.Theme;
import dev.warroom.ui.handoff.HandoffRecords;
import dev.warroom.ui.postmortem.PostmortemVersions;
import dev.warroom.ui.settings.DataSourceSettings;
import dev.warroom.ui.settings.LiveAlerts;
import dev.warroom.ui.settings.LiveDataSource;
import dev.warroom.ui.console.ConsoleServices;
import dev.warroom.ui.console.ConsoleState;
import dev.warroom.ui.console.ConsoleAssembly;
import dev.warroom.ui.console.ConsoleViewModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import javafx.animation.Animation;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The desktop console. The window shows its start-up frame first; only then do the store and the
 * libraries open, off the FX thread, and the console replaces that frame once they are open. (Opening
 * them during the toolkit start-up measured slower: on two cores the threads only delay each other.)
 * A store that cannot be opened (another Warroom holds it) becomes a window that names the file, not a
 * stack trace.
 */
public final class WarroomApp extends Application {
    /** Set before launch by {@code warroom console --db}; JavaFX constructs the app itself. */
    private static volatile Path requestedStore;
    private CompletableFuture<Opened> opening;
    private Opened opened;
    private ExecutorService background;
    private ScheduledExecutorService scheduler;
    private Animation refresh;
    private LiveDataSource dataSource;

    /** What the console needs from disk; {@code failure} is set instead of {@code store} when the store is taken. */
    private record Opened(Path base, WarroomStore store, Settings settings, RunbookLibrary runbooks,
                          Path runbookFolder, ScenarioLibrary scenarios, StoreException failure) {
    }

    static void launchConsole(Path storeBase) {
        useStore(storeBase);
        Application.launch(WarroomApp.class);
    }

    /** The store the next console opens; null means the default ({@code WARROOM_DB} or the data directory). */
    static void useStore(Path storeBase) {
        requestedStore = storeBase;
    }

    /** The store base the console opens: {@code --db}, else {@code WARROOM_DB} or the data directory. */
    private static Path storeBase() {
        return requestedStore != null ? requestedStore : StorePaths.resolve(null);
    }

    private static CompletableFuture<Opened> open(Path base) {
        Path runbookFolder = new RunbookOptions().folder();
        // the libraries parse while the store opens
        CompletableFuture<RunbookLibrary> library = CompletableFuture.supplyAsync(() -> RunbookLibrary.load(runbookFolder));
        CompletableFuture<ScenarioLibrary> drills = CompletableFuture.supplyAsync(ScenarioLibrary::bundled);
        return CompletableFuture.supplyAsync(() -> {
            WarroomStore store = null;
            Settings settings = null;
            StoreException failure = null;
            try {
                store = WarroomStore.openH2(base);
                settings = Settings.forStore(base);
            } catch (StoreException e) {
                failure = e;
            }
            return new Opened(base, store, settings, library.join(), runbookFolder, drills.join(), failure);
        });
    }

    @Override
    public void init() {
        background = Executors.newSingleThreadExecutor(daemon("warroom-store"));
        scheduler = Executors.newSingleThreadScheduledExecutor(daemon("warroom-ticker"));
    }

    @Override
    public void start(Stage stage) {
        Path base = storeBase();
        Scene scene = ConsoleScene.create(StartupView.create(StorePaths.dataFile(base).toString()), Theme.DARK);
        stage.setTitle(ConsoleScene.TITLE + " \u2014 opening the store");
        List<javafx.scene.image.Image> icons = new ArrayList<>();
        for (String icon : new String[] {"/packaging/icons/warroom-48.png", "/packaging/icons/warroom-256.png"}) {
            var url = WarroomApp.class.getResource(icon);
            if (url != null) {
                icons.add(new javafx.scene.image.Image(url.toExternalForm()));
            }
        }
        stage.getIcons().setAll(icons);
        stage.setScene(scene);
        stage.show();
        opening = new CompletableFuture<>();
        ConsoleScene.afterNextFrame(scene, () -> open(base).whenComplete((ready, error) -> {
            if (error != null) {
                opening.completeExceptionally(error);
            } else {
                opening.complete(ready);
            }
        }));
        opening.whenComplete((ready, error) -> Platform.runLater(() -> {
            if (error != null) {
                showFailure(stage, "Warroom could not start: " + rootMessage(error));
            } else if (ready.failure() != null) {
                opened = ready;
                showFailure(stage, ready.failure().getMessage());
            } else {
                opened = ready;
                showConsole(stage, scene, ready);
            }
        }));
    }

    private static void showFailure(Stage stage, String message) {
        stage.setTitle(ConsoleScene.TITLE + " \u2014 cannot open the store");
        stage.setScene(StoreErrorView.create(message, Platform::exit));
        stage.sizeToScene();
    }

    private void showConsole(Stage stage, Scene scene, Opened ready) {
        WarroomStore store = ready.store();
        Settings settings = ready.settings();
        Clock wall = Clock.systemUTC();
        // the console holds the store, so Alertmanager's webhook is received here rather than by
        // 'warroom webhook'; its incidents, like every other, are marked on Grafana when that is on
        LiveAlerts alerts = new LiveAlerts(store.timeline(wall), wall);
        dataSource = new LiveDataSource(ready.base().toAbsolutePath().getParent().resolve(DataSourceSettings.FILE_NAME),
                settings.alertPolicy(), wall, alerts);
        ConsoleServices services = new ConsoleServices(alerts.timeline(), store::timeline, ready.runbooks(),
                ready.scenarios(), settings.severities(), settings.escalation(), settings.alertPolicy(),
                new RecordingPager(), wall, background, Platform::runLater, scheduler, store.location(), dataSource);
        ConsoleState state = new ConsoleState(wall);
        ConsoleAssembly assembly = ConsoleAssembly.build(services, state, System.getProperty("user.name", "you"),
                HandoffRecords.of(new HandoffStore(store, wall)), PostmortemVersions.of(new PostmortemStore(store, wall)),
                ready.runbookFolder());
        ConsoleViewModel console = assembly.console();

        scene.setRoot(assembly.root());
        state.themeProperty().get().apply(scene);
        assembly.installOn(scene);
        state.themeProperty().addListener((obs, was, theme) -> theme.apply(scene));
        stage.setTitle(ConsoleScene.TITLE + " \u2014 " + store.location());
        // live incidents climb the ladder even while nobody looks at them
        var ladder = services.liveLadder();
        scheduler.scheduleWithFixedDelay(() -> background.execute(ladder::tick), 5, 5, TimeUnit.SECONDS);
        refresh = ConsoleScene.every(ConsoleScene.REFRESH_EVERY, console::refresh);
        console.refresh();
        // the saved data source starts without waiting for it to answer: a Prometheus that is down at
        // launch shows as stale tiles that recover by themselves, and a bad file is said in Settings;
        // the webhook, the Alertmanager poll and the annotations start with it
        background.execute(dataSource::resume);
    }

    @Override
    public void stop() {
        if (refresh != null) {
            refresh.stop();
        }
        scheduler.shutdownNow();
        background.shutdownNow();
        if (dataSource != null) {
            // the webhook and the Grafana queue may take seconds to wind down; the window is already closing,
            // so give them two seconds and close the store regardless (an unanswered notification is retried)
            Thread closing = new Thread(dataSource::close, "warroom-close-data-source");
            closing.setDaemon(true);
            closing.start();
            try {
                closing.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // a window closed while the store was still opening must still let go of the file
        Opened ready = opened;
        if (ready == null && opening != null) {
            try {
                ready = opening.get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                ready = null;
            }
        }
        if (ready != null && ready.store() != null) {
            ready.store().close();
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t != t.getCause()) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
