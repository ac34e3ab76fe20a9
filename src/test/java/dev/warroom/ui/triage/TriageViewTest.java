package dev.warroom.ui.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.drill.LiveDrill;
import dev.warroom.ui.Screenshots;
import dev.warroom.ui.console.ConsoleFixtures;
import dev.warroom.ui.console.PanelScenes;
import dev.warroom.ui.console.Theme;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/** The Triage panel on a headless screen at the console's centre size, and its README screenshots. */
@ExtendWith(ApplicationExtension.class)
class TriageViewTest {
    /** The console's centre area on a 1366x768 screen, beside the SLO board. */

    private final ConsoleFixtures fixtures = new ConsoleFixtures();
    private LiveDrill drill;
    private TriagePanel panel;
    private Scene scene;

    @Start
    void start(Stage stage) {
        drill = fixtures.drill("provider-outage");
        drill.advance(Duration.ofMinutes(20));
        drill.acknowledge("li");
        fixtures.state.setSelectedIncident(drill.incidentId().orElseThrow());
        panel = new TriagePanel(fixtures.services, fixtures.state, "li");
        scene = PanelScenes.of((Parent) panel.view(), Theme.DARK);
        scene.getAccelerators().putAll(panel.accelerators());
        stage.setScene(scene);
        stage.show();
    }

    @Stop
    void stop() {
        Theme.DARK.apply(scene);
    }


    @Test
    void clickingStartRunbook_startsTheSuggestedRunbookOnTheDrill_andTheButtonSaysWhyItIsOffAfterwards(FxRobot robot) {
        robot.clickOn("#symptomField").write("chat replies fail with 503");
        ListView<?> list = robot.lookup("#suggestionList").queryListView();
        assertEquals("provider-outage", ((TriageViewModel.SuggestionRow) list.getItems().get(0)).runbookId());
        Button start = robot.lookup("#startButton").queryButton();
        assertEquals("Start runbook (R)", start.getText());
        assertFalse(start.isDisabled());

        robot.clickOn(start);

        assertEquals("provider-outage", drill.runbookRun().orElseThrow().runbook().id());
        assertEquals("chat replies fail with 503", fixtures.timeline.require(drill.incidentId().orElseThrow()).symptom());
        assertTrue(start.isDisabled());
        assertEquals("disabled: a runbook is already running (provider-outage)",
                robot.lookup("#startReason").queryAs(Label.class).getText());
    }

    @Test
    void keyR_startsTheSelectedRunbook_butNotWhileTypingInAField(FxRobot robot) {
        robot.clickOn("#symptomField").type(KeyCode.R);
        assertTrue(drill.runbookRun().isEmpty(), "R typed into the symptom field is just a letter");
        assertEquals("r", robot.lookup("#symptomField").queryAs(TextField.class).getText());

        robot.interact(() -> robot.lookup("#suggestionList").query().requestFocus());
        robot.type(KeyCode.R);

        assertTrue(drill.runbookRun().isPresent());
    }

    @Test
    void withoutAnIncident_startIsOffAndSaysSelectAnIncident(FxRobot robot) {
        robot.interact(() -> fixtures.state.setSelectedIncident(null));
        assertTrue(robot.lookup("#startButton").queryButton().isDisabled());
        assertEquals("disabled: select an incident", robot.lookup("#startReason").queryAs(Label.class).getText());
    }

    @Test
    void screenshots_bothThemes(FxRobot robot) throws IOException {
        robot.interact(() -> {
            panel.viewModel().symptomProperty().set(drill.scenario().symptom());
            // no caret in the picture: it blinks, and the PNG must be the same every run
            robot.lookup("#suggestionList").query().requestFocus();
        });
        Path dark = Screenshots.write(robot, scene, "triage-dark.png");
        robot.interact(() -> Theme.LIGHT.apply(scene));
        Path light = Screenshots.write(robot, scene, "triage-light.png");
        assertTrue(Files.size(dark) > 10_000 && Files.size(light) > 10_000);
    }
}
