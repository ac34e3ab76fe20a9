package dev.warroom.ui.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.ui.ConsoleScene;
import dev.warroom.ui.Screenshots;
import dev.warroom.ui.handoff.HandoffRecords;
import dev.warroom.ui.postmortem.InMemoryPostmortemVersions;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The whole console as the app builds it, mid-drill, in both themes; the README's screenshots. */
@ExtendWith(ApplicationExtension.class)
class ConsoleAssemblyTest {
    private final ConsoleFixtures fixtures = new ConsoleFixtures();
    private ConsoleAssembly assembly;
    private Scene scene;

    @Start
    void start(Stage stage) {
        fixtures.drillMidway();
        assembly = ConsoleAssembly.build(fixtures.services, fixtures.state, "li",
                HandoffRecords.inMemory(fixtures.wall), new InMemoryPostmortemVersions(fixtures.wall), null);
        scene = ConsoleScene.create(assembly.root(), Theme.DARK);
        assembly.installOn(scene);
        fixtures.state.themeProperty().addListener((obs, was, theme) -> theme.apply(scene));
        stage.setScene(scene);
        stage.show();
        assembly.console().refresh();
    }

    @Test
    void everyPanelIsThere_andTheConsoleFits1366x768_inBothThemes(FxRobot robot) throws Exception {
        TabPane tabs = robot.lookup(".console-tabs").queryAs(TabPane.class);
        assertEquals(List.of("Incidents", "Triage", "Runbook", "Timeline", "Postmortem", "Drills", "Handoff", "Settings"),
                tabs.getTabs().stream().map(Tab::getText).toList());
        assertTrue(robot.lookup(".drill-banner").queryAs(Label.class).isVisible());
        robot.interact(() -> tabs.getSelectionModel().select(2));
        robot.interact(assembly.console()::refresh);
        Screenshots.write(robot, scene, "console-dark.png");
        robot.interact(() -> fixtures.state.themeProperty().set(Theme.LIGHT));
        robot.interact(assembly.console()::refresh);
        Screenshots.write(robot, scene, "console-light.png");
    }

    @Test
    void f1_showsEveryKey_andEscapeClosesIt(FxRobot robot) {
        robot.type(KeyCode.F1);
        assertTrue(assembly.help().showingProperty().get());
        assertTrue(robot.lookup("Ctrl+Shift+A").tryQuery().isPresent());
        robot.type(KeyCode.ESCAPE);
        assertTrue(!assembly.help().showingProperty().get());
    }
}
