package dev.warroom.app;

import dev.warroom.store.StoreException;
import dev.warroom.store.StorePaths;
import dev.warroom.store.WarroomStore;
import dev.warroom.ui.ConsoleScene;
import dev.warroom.ui.IncidentBoardViewModel;
import dev.warroom.ui.StoreErrorView;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.animation.Animation;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The desktop console. The store is opened in {@link #init()}, off the FX thread; a store that
 * cannot be opened (another Warroom holds it) becomes a window that names the file, not a stack trace.
 */
public final class WarroomApp extends Application {
    /** Set before launch by {@code warroom console --db}; JavaFX constructs the app itself. */
    private static volatile Path requestedStore;

    private WarroomStore store;
    private StoreException openFailure;
    private ExecutorService background;
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
        background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "warroom-store-reader");
            t.setDaemon(true);
            return t;
        });
        try {
            store = WarroomStore.openH2(requestedStore != null ? requestedStore : StorePaths.resolve(null));
        } catch (StoreException e) {
            openFailure = e;
        }
    }

    @Override
    public void start(Stage stage) {
        if (openFailure != null) {
            stage.setTitle(ConsoleScene.TITLE + " — cannot open the store");
            stage.setScene(StoreErrorView.create(openFailure.getMessage(), Platform::exit));
            stage.show();
            return;
        }
        IncidentBoardViewModel viewModel = new IncidentBoardViewModel(store.timeline(Clock.systemUTC()), background,
                Platform::runLater);
        stage.setTitle(ConsoleScene.TITLE + " — " + store.location());
        stage.setScene(ConsoleScene.create(viewModel));
        refresh = ConsoleScene.autoRefresh(viewModel, ConsoleScene.REFRESH_EVERY);
        viewModel.refresh();
        stage.show();
    }

    @Override
    public void stop() {
        if (refresh != null) {
            refresh.stop();
        }
        background.shutdownNow();
        if (store != null) {
            store.close();
        }
    }
}
