package dev.warroom.ui.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.ui.ConsoleScene;
import dev.warroom.ui.incidents.IncidentsPanel;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ConsoleViewTest {
    private final ConsoleFixtures fixtures = new ConsoleFixtures();
    private ConsoleViewModel console;
    private Scene scene;

    @Start
    void start(Stage stage) {
        console = new ConsoleViewModel(fixtures.services, fixtures.state);
        console.addPanel(new IncidentsPanel(fixtures.services, fixtures.state));
        scene = ConsoleScene.create(ConsoleView.load(console, null, null, null), Theme.DARK);
        fixtures.state.themeProperty().addListener((obs, was, theme) -> theme.apply(scene));
        stage.setScene(scene);
        stage.show();
        console.refresh();
    }

    @Test
    void drill_isUnmistakable_bannerAndFrame_andGoneWhenItEnds(FxRobot robot) {
        Label banner = robot.lookup(".drill-banner").queryAs(Label.class);
        assertFalse(banner.isVisible());
        robot.interact(fixtures::drillMidway);
        assertTrue(banner.isVisible());
        assertTrue(banner.getText().startsWith("DRILL — Model provider outage (503s) at 60x"), banner.getText());
        assertTrue(robot.lookup(".console").query().getStyleClass().contains("drill"));

        robot.interact(() -> fixtures.state.activeDrillProperty().set(null));
        assertFalse(banner.isVisible());
        assertFalse(robot.lookup(".console").query().getStyleClass().contains("drill"));
    }

    @Test
    void selectingAnIncidentInTheList_focusesItForEveryPanel(FxRobot robot) {
        robot.interact(fixtures::drillMidway);
        robot.interact(() -> fixtures.state.setSelectedIncident(null));
        robot.interact(console::refresh);
        robot.clickOn("INC-0001");
        assertEquals("INC-0001", fixtures.state.getSelectedIncident());
    }

    @Test
    void shortcuts_switchPanelsAndTheme(FxRobot robot) {
        TabPane tabs = robot.lookup(".console-tabs").queryAs(TabPane.class);
        assertEquals(0, tabs.getSelectionModel().getSelectedIndex());
        assertEquals(Theme.DARK, fixtures.state.themeProperty().get());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.T).release(KeyCode.T, KeyCode.SHIFT, KeyCode.CONTROL);
        assertEquals(Theme.LIGHT, fixtures.state.themeProperty().get());
        assertTrue(scene.getStylesheets().get(0).endsWith("/styles/warroom-light.css"), scene.getStylesheets().toString());
    }
}
