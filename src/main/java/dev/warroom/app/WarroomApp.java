package dev.warroom.app;

import dev.warroom.store.StoreException;
import dev.warroom.store.StorePaths;
import dev.warroom.store.WarroomStore;
import dev.warroom.ui.ConsoleScene;
import dev.warroom.ui.IncidentBoardViewModel;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.animation.Animation;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;

/**
 * The desktop console. The store is opened in {@link #init()}, off the FX thread; a store held by
 * another process becomes a dialog that names the file, not a stack trace.
 */
public final class WarroomApp extends Application {
    private WarroomStore store;
    private StoreException openFailure;
    private ExecutorService background;
    private Animation refresh;

    static void launchConsole(String[] args) {
        Application.launch(WarroomApp.class, args);
    }

    @Override
    public void init() {
        try {
            store = WarroomStore.openH2(StorePaths.resolve(null));
        } catch (StoreException e) {
            openFailure = e;
        }
        background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "warroom-store-reader");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void start(Stage stage) {
        if (openFailure != null) {
            Alert alert = new Alert(Alert.AlertType.ERROR, openFailure.getMessage());
            alert.setTitle("Warroom cannot open its store");
            alert.setHeaderText("Warroom cannot open its store");
            alert.showAndWait();
            Platform.exit();
            return;
        }
        IncidentBoardViewModel viewModel = new IncidentBoardViewModel(store.timeline(Clock.systemUTC()), background,
                Platform::runLater);
        stage.setTitle(ConsoleScene.TITLE + " — " + store.location());
        stage.setScene(ConsoleScene.create(viewModel));
        refresh = ConsoleScene.autoRefresh(viewModel, ConsoleScene.REFRESH_EVERY);
        refresh.play();
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
