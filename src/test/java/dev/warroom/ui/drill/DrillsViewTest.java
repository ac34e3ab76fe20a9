package dev.warroom.ui.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.drill.LiveDrill;
import dev.warroom.ui.Screenshots;
import dev.warroom.ui.console.ConsoleFixtures;
import dev.warroom.ui.console.PanelScenes;
import dev.warroom.ui.console.Theme;
import java.io.IOException;
import java.time.Duration;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class DrillsViewTest {
    private final ConsoleFixtures fixtures = new ConsoleFixtures();
    private DrillsPanel panel;
    private Scene scene;

    @Start
    void start(Stage stage) {
        panel = new DrillsPanel(new DrillsViewModel(fixtures.services, fixtures.state, Duration.ofHours(1), "li"));
        scene = PanelScenes.show(stage, (javafx.scene.Parent) panel.view(), fixtures.state);
    }

    @AfterEach
    void stopTicker() {
        LiveDrill drill = fixtures.state.getActiveDrill();
        if (drill != null) {
            drill.close();
        }
        fixtures.scheduler.shutdownNow();
    }

    @Test
    void pickScenarioAndSpeed_start_playThrough_resolve_scoreCard_inBothThemes(FxRobot robot) throws IOException {
        assertTrue(robot.lookup(".drill-idle").query().isVisible());
        robot.clickOn("Model provider outage (503s)");
        robot.clickOn("#speed-10x");
        robot.clickOn("Start drill");

        LiveDrill drill = fixtures.state.getActiveDrill();
        assertEquals(10.0, drill.speed());
        assertEquals("provider-outage", drill.scenario().id());
        assertTrue(robot.lookup(".drill-live").query().isVisible());
        assertFalse(robot.lookup(".drill-idle").query().isVisible());
        assertEquals("DRILL", robot.lookup(".drill-word").queryAs(Label.class).getText());
        assertTrue(robot.lookup("Start drill").queryButton().isDisabled(), "one drill at a time");
        Button resolve = robot.lookup(".drill-resolve").queryButton();
        assertTrue(resolve.isDisabled());

        robot.interact(() -> {
            drill.advance(Duration.ofMinutes(20));
            drill.acknowledge("li");
            drill.startRunbook(drill.suggestedRunbook(), "li");
            drill.ackStep("li");
            for (int step = 2; step <= 4; step++) {
                drill.advance(Duration.ofMinutes(2));
                drill.ackStep("li");
            }
            drill.advance(Duration.ofMinutes(10));
            panel.refresh();
        });
        assertFalse(resolve.isDisabled(), "mitigated: resolve is offered");
        robot.clickOn(resolve);

        assertTrue(robot.lookup(".score-card").query().isVisible());
        assertEquals("End drill", robot.lookup(".drill-stop").queryButton().getText());
        Label escalations = robot.lookup(".score-verdict").nth(4).queryAs(Label.class);
        assertEquals("missed", escalations.getText());
        assertTrue(escalations.getStyleClass().contains("verdict-missed"), "a word and a colour");
        Label runbook = robot.lookup(".score-verdict").nth(5).queryAs(Label.class);
        assertEquals("met", runbook.getText());
        assertTrue(runbook.getStyleClass().contains("verdict-met"));

        robot.interact(() -> robot.lookup(".scenario-list").query().requestFocus());
        Screenshots.write(robot, scene, "drills-dark.png");
        robot.interact(() -> fixtures.state.themeProperty().set(Theme.LIGHT));
        Screenshots.write(robot, scene, "drills-light.png");

        robot.clickOn("End drill");
        assertEquals(null, fixtures.state.getActiveDrill());
        Node live = robot.lookup(".drill-live").query();
        assertFalse(live.isVisible());
    }
}
