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
import dev.warroom.ui.StoreErrorView;
import dev.warroom.ui.handoff.HandoffRecords;
import dev.warroom.ui.postmortem.PostmortemVersions;
import dev.warroom.ui.console.ConsoleServices;
import dev.warroom.ui.console.ConsoleState;
import dev.warroom.ui.console.ConsoleAssembly;
import dev.warroom.ui.console.ConsoleViewModel;
import java.nio.file.Path;
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
 * The desktop console. The store and the libraries are opened in {@link #init()}, off the FX
 * thread; a store that cannot be opened (another Warroom holds it) becomes a window that names the
 * file, not a stack trace.
 */
public final class WarroomApp extends Application {
    /** Set before launch by {@code warroom console --db}; JavaFX constructs the app itself. */
    private static volatile Path requestedStore;

    private WarroomStore store;
    private Settings settings;
    private RunbookLibrary runbooks;
    private Path runbookFolder;
    private ScenarioLibrary scenarios;
    private StoreException openFailure;
    private ExecutorService background;
    private ScheduledExecutorService scheduler;
    private Animation refresh;

    static void launchConsole(Path storeBase) {
        useStore(storeBase);
        Application.launch(WarroomApp.class);
    }

    /** The store the next console opens; null means the default ({@code WARROOM_DB} or the data directory). */
    static void useStore(Path storeBase) {
        requestedStore = storeBase;
    }

    @Override
    public void init() {
        background = Executors.newSingleThreadExecutor(daemon("warroom-store"));
        scheduler = Executors.newSingleThreadScheduledExecutor(daemon("warroom-ticker"));
        Path base = requestedStore != null ? requestedStore : StorePaths.resolve(null);
        runbookFolder = new RunbookOptions().folder();
        // the libraries parse while the store opens: two cores, half the wait before the first frame
        CompletableFuture<RunbookLibrary> library = CompletableFuture.supplyAsync(() -> RunbookLibrary.load(runbookFolder));
        CompletableFuture<ScenarioLibrary> drills = CompletableFuture.supplyAsync(ScenarioLibrary::bundled);
        try {
            store = WarroomStore.openH2(base);
            settings = Settings.forStore(base);
        } catch (StoreException e) {
            openFailure = e;
        }
        runbooks = library.join();
        scenarios = drills.join();
    }

    @Override
    public void start(Stage stage) {
        if (openFailure != null) {
            stage.setTitle(ConsoleScene.TITLE + " — cannot open the store");
            stage.setScene(StoreErrorView.create(openFailure.getMessage(), Platform::exit));
            stage.show();
            return;
        }
        Clock wall = Clock.systemUTC();
        ConsoleServices services = new ConsoleServices(store.timeline(wall), store::timeline, runbooks,
                scenarios, settings.severities(), settings.escalation(), settings.alertPolicy(),
                new RecordingPager(), wall, background, Platform::runLater, scheduler, store.location());
        ConsoleState state = new ConsoleState(wall);
        ConsoleAssembly assembly = ConsoleAssembly.build(services, state, System.getProperty("user.name", "you"),
                HandoffRecords.of(new HandoffStore(store, wall)), PostmortemVersions.of(new PostmortemStore(store, wall)),
                runbookFolder);
        ConsoleViewModel console = assembly.console();

        Scene scene = ConsoleScene.create(assembly.root(), state.themeProperty().get());
        assembly.installOn(scene);
        state.themeProperty().addListener((obs, was, theme) -> theme.apply(scene));
        stage.setTitle(ConsoleScene.TITLE + " — " + store.location());
        for (String icon : new String[] {"/packaging/icons/warroom-48.png", "/packaging/icons/warroom-256.png"}) {
            var url = WarroomApp.class.getResource(icon);
            if (url != null) {
                stage.getIcons().add(new javafx.scene.image.Image(url.toExternalForm()));
            }
        }
        stage.setScene(scene);
        // live incidents climb the ladder even while nobody looks at them
        var ladder = services.liveLadder();
        scheduler.scheduleWithFixedDelay(() -> background.execute(ladder::tick), 5, 5, TimeUnit.SECONDS);
        refresh = ConsoleScene.every(ConsoleScene.REFRESH_EVERY, console::refresh);
        console.refresh();
        stage.show();
    }

    @Override
    public void stop() {
        if (refresh != null) {
            refresh.stop();
        }
        scheduler.shutdownNow();
        background.shutdownNow();
        if (store != null) {
            store.close();
        }
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
