package dev.warroom.ui.runbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.drill.LiveDrill;
import dev.warroom.runbook.StepOutcome;
import dev.warroom.ui.Screenshots;
import dev.warroom.ui.console.ConsoleFixtures;
import dev.warroom.ui.console.PanelScenes;
import dev.warroom.ui.console.Theme;
import java.io.IOException;
import java.time.Duration;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/** The Runbook panel on a headless screen at the console's centre size, and its README screenshots. */
@ExtendWith(ApplicationExtension.class)
class RunbookViewTest {

    private final ConsoleFixtures fixtures = new ConsoleFixtures();
    private LiveDrill drill;
    private RunbookPanel panel;
    private Scene scene;

    @Start
    void start(Stage stage) {
        drill = fixtures.drillMidway();
        panel = new RunbookPanel(fixtures.services, fixtures.state, "li");
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
    void clickingAck_acksTheCurrentStepAndMovesTheChecklistOn(FxRobot robot) {
        Button ack = robot.lookup("#ackButton").queryButton();
        assertEquals("Ack step (A)", ack.getText());
        assertTrue(robot.lookup("#header").queryAs(Label.class).getText().endsWith("step 3 of 6"));

        robot.clickOn(ack);

        StepOutcome three = drill.runbookRun().orElseThrow().progress().steps().get(2);
        assertEquals(StepOutcome.Action.ACKED, three.action());
        assertEquals("li", three.actor());
        assertTrue(robot.lookup("#header").queryAs(Label.class).getText().endsWith("step 4 of 6"));
        assertTrue(robot.lookup(".step-current .step-title").queryAs(Label.class).getText().startsWith("Remap"));
        assertTrue(robot.lookup("#message").queryAs(Label.class).getText()
                .startsWith("Step 3 acked; mitigation raise-fallback-quota applied; verify sli >= 0.92 → "));
    }

    @Test
    void skipWithoutAReason_focusesTheReasonField_andEnterSkipsWithIt(FxRobot robot) {
        robot.clickOn("#skipButton");
        TextField reason = robot.lookup("#reasonField").queryAs(TextField.class);
        assertTrue(reason.isFocused(), "the person is asked why, in place");
        assertEquals(2, drill.runbookRun().orElseThrow().progress().stepsActed());

        robot.write("quota already raised").type(KeyCode.ENTER);

        StepOutcome three = drill.runbookRun().orElseThrow().progress().steps().get(2);
        assertEquals(StepOutcome.Action.SKIPPED, three.action());
        assertEquals("quota already raised", three.reason());
        assertEquals("skipped", robot.lookup(".step-skipped .step-state").queryAs(Label.class).getText());
    }

    @Test
    void keyA_acksTheStep_butNotWhileTypingTheReason(FxRobot robot) {
        robot.clickOn("#reasonField").type(KeyCode.A);
        assertEquals(2, drill.runbookRun().orElseThrow().progress().stepsActed());

        robot.interact(() -> robot.lookup("#ackButton").query().requestFocus());
        robot.type(KeyCode.A);
        assertEquals(3, drill.runbookRun().orElseThrow().progress().stepsActed());
    }

    @Test
    void ackingUntilRecovered_showsTheStopBanner_andTurnsTheButtonsOff(FxRobot robot) throws IOException {
        Label banner = robot.lookup("#banner").queryAs(Label.class);
        Button ack = robot.lookup("#ackButton").queryButton();
        assertFalse(banner.isVisible());
        for (int i = 0; i < 20 && !banner.isVisible(); i++) {
            boolean holding = robot.lookup("#recoveryText").queryAs(Label.class).getText().startsWith("Recovered? holding");
            if (!ack.isDisabled() && !holding) {
                robot.clickOn(ack);
            }
            robot.interact(() -> {
                drill.advance(Duration.ofMinutes(2));
                panel.refresh();
            });
        }
        assertTrue(banner.isVisible());
        assertTrue(banner.getText().startsWith("RECOVERED — stop here."), banner.getText());
        assertTrue(ack.isDisabled());
        assertTrue(robot.lookup("#skipButton").queryButton().isDisabled());
        assertTrue(robot.lookup("#failButton").queryButton().isDisabled());
        assertEquals("actions off: recovered — stop here", robot.lookup("#blockedReason").queryAs(Label.class).getText());
        Screenshots.write(robot, scene, "runbook-recovered-dark.png");
    }

    @Test
    void screenshots_bothThemes(FxRobot robot) throws IOException {
        robot.interact(() -> robot.lookup("#ackButton").query().requestFocus());
        Screenshots.write(robot, scene, "runbook-dark.png");
        robot.interact(() -> Theme.LIGHT.apply(scene));
        Screenshots.write(robot, scene, "runbook-light.png");
    }
}
