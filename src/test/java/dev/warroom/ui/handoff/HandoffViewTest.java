package dev.warroom.ui.handoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.ui.Screenshots;
import dev.warroom.ui.console.PanelScenes;
import dev.warroom.ui.console.Theme;
import java.io.IOException;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class HandoffViewTest {
    private final HandoffFixtures fixtures = new HandoffFixtures();
    private HandoffPanel panel;
    private Scene scene;

    @Start
    void start(Stage stage) {
        panel = new HandoffPanel(fixtures.console.services, fixtures.records, "ana");
        scene = PanelScenes.show(stage, (Parent) panel.view(), fixtures.console.state);
    }

    @AfterEach
    void stop() {
        fixtures.console.scheduler.shutdownNow();
    }

    @Test
    void typeSaveTick_showsHistoryAndChecklist_inBothThemes(FxRobot robot) throws IOException {
        assertEquals("Week of 2026-11-23  ·  handoff 2026-11-23 10:00 UTC",
                robot.lookup(".handoff-week").queryAs(Label.class).getText());
        assertTrue(robot.lookup(".handoff-drill").tryQuery().isPresent(), "the drill is marked DRILL");
        assertTrue(robot.lookup("Save version").queryButton().isDisabled(), "nothing to save yet");

        robot.clickOn("#section-watchpoints").write("Search shard weights: watch p99 after every reindex.");
        assertTrue(robot.lookup(".handoff-version").queryAs(Label.class).getStyleClass().contains("unsaved"));
        robot.clickOn("Save version");
        ListView<HandoffViewModel.VersionRow> history = robot.lookup(".handoff-history").queryListView();
        assertEquals(1, history.getItems().size());
        assertEquals("wrote watchpoints", history.getItems().get(0).changes());
        assertFalse(robot.lookup(".handoff-version").queryAs(Label.class).getStyleClass().contains("unsaved"));

        robot.clickOn("#section-vacations").write("noor out Thursday; li covers.");
        robot.clickOn("Save version");
        assertEquals(2, history.getItems().size());

        robot.clickOn("#check-ack-rotation");
        robot.clickOn("#check-read-handoff");
        CheckBox read = robot.lookup("#check-read-handoff").queryAs(CheckBox.class);
        assertTrue(read.isSelected());
        assertTrue(read.isDisabled(), "an ack stays");
        assertEquals("2 of 7 done", robot.lookup(".handoff-note").nth(1).queryAs(Label.class).getText());

        robot.interact(() -> panel.viewModel().section("active-changes").textProperty()
                .set("rag-api 3.8.1 canary Tuesday 14:00 UTC (owner: kai); flag prompt-cache-v2 at 25%."));
        robot.interact(panel.viewModel()::save);
        robot.interact(() -> robot.lookup(".handoff-history").query().requestFocus());
        Screenshots.write(robot, scene, "handoff-dark.png");
        robot.interact(() -> fixtures.console.state.themeProperty().set(Theme.LIGHT));
        Screenshots.write(robot, scene, "handoff-light.png");
    }
}
