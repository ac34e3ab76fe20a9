package dev.warroom.ui.help;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.ui.Screenshots;
import dev.warroom.ui.console.ConsoleFixtures;
import dev.warroom.ui.console.PanelScenes;
import dev.warroom.ui.console.Theme;
import dev.warroom.ui.settings.SettingsPanel;
import java.io.IOException;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class HelpOverlayTest {
    /** What the console could install; the lead's list is the one that counts. */
    static final List<HelpOverlay.Shortcut> SHORTCUTS = List.of(
            new HelpOverlay.Shortcut("F1", "Show or hide this help"),
            new HelpOverlay.Shortcut("Ctrl+1..9", "Switch panel"),
            new HelpOverlay.Shortcut("Ctrl+Shift+A", "Ack the page"),
            new HelpOverlay.Shortcut("Ctrl+Enter", "Ack the current runbook step"),
            new HelpOverlay.Shortcut("Ctrl+N", "Add a note to the timeline"),
            new HelpOverlay.Shortcut("Ctrl+Shift+D", "Start the selected drill"),
            new HelpOverlay.Shortcut("Ctrl+Shift+R", "Resolve the drill's incident (once mitigated)"),
            new HelpOverlay.Shortcut("Ctrl+Shift+X", "Stop or end the drill"),
            new HelpOverlay.Shortcut("Ctrl+S", "Save the handoff"),
            new HelpOverlay.Shortcut("Ctrl+Shift+T", "Dark or light theme"),
            new HelpOverlay.Shortcut("Esc", "Close this help"));

    private final ConsoleFixtures fixtures = new ConsoleFixtures();
    private HelpOverlay overlay;
    private Scene scene;

    @Start
    void start(Stage stage) {
        overlay = new HelpOverlay(SHORTCUTS);
        StackPane root = new StackPane(new SettingsPanel(fixtures.services, fixtures.state, null).view(), overlay);
        scene = PanelScenes.show(stage, root, fixtures.state);
        overlay.install(scene);
    }

    @AfterEach
    void stop() {
        fixtures.scheduler.shutdownNow();
    }

    @Test
    void f1_showsEveryGivenShortcut_escapeCloses_inBothThemes(FxRobot robot) throws IOException {
        assertFalse(overlay.isVisible());
        robot.press(KeyCode.F1).release(KeyCode.F1);
        assertTrue(overlay.isVisible());
        assertEquals(SHORTCUTS, overlay.shortcuts());
        for (HelpOverlay.Shortcut s : SHORTCUTS) {
            robot.lookup(s.action()).query();
        }
        Screenshots.write(robot, scene, "help-dark.png");
        robot.interact(() -> fixtures.state.themeProperty().set(Theme.LIGHT));
        Screenshots.write(robot, scene, "help-light.png");

        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        assertFalse(overlay.isVisible());
        robot.press(KeyCode.F1).release(KeyCode.F1);
        assertTrue(overlay.isVisible());
        robot.press(KeyCode.F1).release(KeyCode.F1);
        assertFalse(overlay.isVisible(), "F1 toggles");
    }
}
