package dev.warroom.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The window's first frame while the store opens, and the hook that starts the opening after it. */
class StartupViewTest {

    @Test
    void startupFrame_namesTheStoreAndShowsProgress() throws Exception {
        FxToolkit.registerPrimaryStage();
        Parent[] root = new Parent[1];
        WaitForAsyncUtils.asyncFx(() -> root[0] = StartupView.create("/home/ic/.local/share/warroom/warroom.mv.db")).get();

        List<String> texts = root[0].lookupAll(".label").stream().map(n -> ((Label) n).getText()).toList();
        assertTrue(texts.contains("/home/ic/.local/share/warroom/warroom.mv.db"), texts.toString());
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("Opening the store")), texts.toString());
        ProgressBar progress = (ProgressBar) root[0].lookup(".startup-progress");
        assertTrue(progress.isIndeterminate());
        assertEquals("startup", root[0].getId(), "the cold-start benchmark recognises the start-up frame by this id");
    }

    @Test
    void afterNextFrame_runsOnceTheSceneHasBeenRendered() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        AtomicInteger runs = new AtomicInteger();
        AtomicInteger pulsesBefore = new AtomicInteger(-1);
        WaitForAsyncUtils.asyncFx(() -> {
            Scene scene = new Scene(StartupView.create("store"), 400, 300);
            int[] layouts = new int[1];
            scene.addPostLayoutPulseListener(() -> layouts[0]++);
            ConsoleScene.afterNextFrame(scene, () -> {
                pulsesBefore.set(layouts[0]);
                runs.incrementAndGet();
            });
            stage.setScene(scene);
            stage.show();
        }).get();
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> runs.get() == 1);
        assertTrue(pulsesBefore.get() >= 1, "ran before any pulse laid the scene out");
        Thread.sleep(200);
        assertEquals(1, runs.get(), "runs once, not on every pulse");
        WaitForAsyncUtils.asyncFx(stage::hide).get();
    }
}
