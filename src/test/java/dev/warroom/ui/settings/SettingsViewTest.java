package dev.warroom.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.ui.Screenshots;
import dev.warroom.ui.console.ConsoleFixtures;
import dev.warroom.ui.console.ConsoleServices;
import dev.warroom.ui.console.PanelScenes;
import dev.warroom.ui.console.Theme;
import java.io.IOException;
import java.nio.file.Path;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class SettingsViewTest {
    private final ConsoleFixtures fixtures = new ConsoleFixtures();
    private Scene scene;
    private LiveAlerts alerts;

    @Start
    void start(Stage stage) {
        // a console as the app builds it: the webhook, Alertmanager and annotations follow the data source
        ConsoleServices s = fixtures.services;
        alerts = new LiveAlerts(s.timeline(), s.wall());
        ConsoleServices services = new ConsoleServices(alerts.timeline(), s.timelineOn(), s.runbooks(), s.scenarios(),
                s.severities(), s.escalation(), s.alertPolicy(), s.pager(), s.wall(), s.background(), s.fxThread(),
                s.scheduler(), s.storeName(), new LiveDataSource(null, s.alertPolicy(), s.wall(), alerts));
        SettingsPanel panel = new SettingsPanel(services, fixtures.state, Path.of("/home/ana/ops/runbooks"));
        // a form filled in as a person would before pressing Connect; nothing listens on 9090 here
        DataSourceViewModel ds = panel.viewModel().dataSource();
        ds.urlProperty().set("http://127.0.0.1:9090");
        ds.authProperty().set(DataSourceSettings.Auth.BEARER);
        ds.tokenFileProperty().set(Path.of("/home/ana/.config/warroom/prom.token"));
        ds.sloFilesProperty().set(java.util.List.of(Path.of("/home/ana/ops/slos/checkout.yml")));
        scene = PanelScenes.show(stage, (Parent) panel.view(), fixtures.state);
    }

    @AfterEach
    void stop() {
        fixtures.scheduler.shutdownNow();
        alerts.close();
    }

    @Test
    void themeToggle_switchesTheConsole_andTablesShowThePolicies(FxRobot robot) throws IOException {
        assertTrue(robot.lookup("Dark").queryAs(ToggleButton.class).isSelected());
        assertEquals(3, robot.lookup(".settings-levels").queryTableView().getItems().size());
        assertEquals(4, robot.lookup(".settings-severities").queryTableView().getItems().size());
        robot.lookup("sam@oncall.example").query();
        robot.lookup("ack 10m, status page 30m, resolve 1h").query();

        robot.interact(() -> robot.lookup(".settings-levels").query().requestFocus());
        Screenshots.write(robot, scene, "settings-dark.png");
        robot.clickOn("Light");
        assertEquals(Theme.LIGHT, fixtures.state.themeProperty().get());
        robot.interact(() -> robot.lookup(".settings-levels").query().requestFocus());
        Screenshots.write(robot, scene, "settings-light.png");

        assertEquals("not set up in datasource.yaml", robot.lookup("#webhookHealth").queryAs(Label.class).getText());
        assertEquals("not set up in datasource.yaml", robot.lookup("#alertmanagerHealth").queryAs(Label.class).getText());
        assertFalse(robot.lookup("#annotationsHealth").query().isVisible(), "annotations are a Grafana matter");
        robot.interact(() -> fixtures.state.themeProperty().set(Theme.DARK));
        assertTrue(robot.lookup("Dark").queryAs(ToggleButton.class).isSelected(), "follows Ctrl+Shift+T too");
    }
}
