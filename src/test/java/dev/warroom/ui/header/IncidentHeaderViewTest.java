package dev.warroom.ui.header;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.drill.LiveDrill;
import dev.warroom.incident.EventPayload;
import dev.warroom.incident.TimelineEvent;
import dev.warroom.ui.Screenshots;
import dev.warroom.ui.console.ConsoleFixtures;
import dev.warroom.ui.console.Theme;
import dev.warroom.ui.header.IncidentHeaderViewModel.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The header on a (headless) 1366-wide screen, driven by the robot, and its README screenshots. */
@ExtendWith(ApplicationExtension.class)
class IncidentHeaderViewTest {
    private final ConsoleFixtures fixtures = new ConsoleFixtures();
    private IncidentHeaderViewModel header;
    private Stage stage;
    private Parent root;
    private Scene scene;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        header = new IncidentHeaderViewModel(fixtures.services, fixtures.state);
        show(Theme.DARK);
        stage.show();
    }

    @Test
    void quietShift_thenADrill_showsSeverityStateElapsedAndDrill_inWordsAndColour(FxRobot robot) {
        assertEquals(IncidentHeaderViewModel.QUIET_SHIFT, label(robot, "#title").getText());
        assertFalse(label(robot, "#severityBadge").isVisible());
        assertFalse(label(robot, "#drillBadge").isVisible());

        robot.interact(() -> {
            fixtures.drillMidway();
            header.refresh();
        });

        Label severity = label(robot, "#severityBadge");
        assertEquals("SEV-1", severity.getText());
        assertTrue(severity.getStyleClass().contains("sev-1"));
        assertEquals("INC-0001", label(robot, "#incidentId").getText());
        assertEquals("MITIGATING", label(robot, "#stateBadge").getText());
        assertTrue(label(robot, "#stateBadge").getStyleClass().contains("state-mitigating"));
        assertEquals("00:12:00", label(robot, "#elapsed").getText());
        assertTrue(label(robot, "#drillBadge").isVisible());
        assertEquals("DRILL", label(robot, "#drillBadge").getText());
        Label ack = label(robot, "#ack");
        assertEquals("acked 07:00 / 15:00 (ok)", ack.getText());
        assertTrue(ack.getStyleClass().contains("met"));
        assertEquals("status update due in 18:00", label(robot, "#statusUpdate").getText());
        assertTrue(label(robot, "GOOD LOOKS LIKE").isVisible());
        assertTrue(label(robot, "status page 30m due in 18:00").getStyleClass().contains("on-track"));

        robot.interact(() -> {
            fixtures.state.getActiveDrill().advance(Duration.ofMinutes(19));
            header.refresh();
        });
        assertEquals("status update OVERDUE 01:00", label(robot, "#statusUpdate").getText());
        assertTrue(label(robot, "#statusUpdate").getStyleClass().contains("overdue"));
        assertFalse(label(robot, "#statusUpdate").getStyleClass().contains("on-track"), "one tone at a time");
    }

    @Test
    void header_fitsThe1366WideScreen_inTwoRows_withoutClipping(FxRobot robot) {
        robot.interact(() -> {
            fixtures.drillMidway();
            header.assignRole(Role.COMMANDER, "li");
            header.assignRole(Role.SCRIBE, "ana");
            header.refresh();
            root.applyCss();
            root.layout();
        });
        Node part = robot.lookup(".incident-header").query();
        assertTrue(part.minWidth(-1) <= PartScene.WIDTH, "needs " + part.minWidth(-1) + " px");
        assertTrue(part.getLayoutBounds().getHeight() <= 100, "two compact rows, got " + part.getLayoutBounds().getHeight());
        Label title = label(robot, "#title");
        assertEquals("Model provider outage (503s)", title.getText());
        assertTrue(title.getWidth() >= title.prefWidth(-1), "the title is not cut at 1366 wide");
    }

    @Test
    void header_fits1366_evenWhenEverythingIsOverdue(FxRobot robot) throws IOException {
        robot.interact(() -> {
            var incident = fixtures.timeline.declare("warroom/slo-policy", new EventPayload.IncidentDeclared(
                    "Checkout 503s from the payment provider", dev.warroom.incident.Severity.SEV1, "checkout",
                    "checkout-availability", false, null, "503s"));
            fixtures.services.liveLadder().open(incident.id(), incident.title());
            fixtures.wall.advance(Duration.ofMinutes(31));
            fixtures.state.setSelectedIncident(incident.id());
            show(Theme.DARK);
        });
        assertEquals("ack OVERDUE 16:00 / 15:00", label(robot, "#ack").getText());
        assertEquals("status update OVERDUE 01:00", label(robot, "#statusUpdate").getText());
        assertTrue(label(robot, "#ack").getStyleClass().contains("overdue"));
        Node part = robot.lookup(".incident-header").query();
        assertTrue(part.minWidth(-1) <= PartScene.WIDTH, "needs " + part.minWidth(-1) + " px");
        Screenshots.write(robot, scene, "header-overdue-dark.png");
    }

    @Test
    void assigningARole_fromItsMenu_recordsItOnTheTimeline(FxRobot robot) {
        robot.interact(() -> {
            fixtures.drillMidway();
            header.refresh();
        });
        MenuButton ic = robot.lookup("#role-incident_commander").queryAs(MenuButton.class);
        assertEquals("--", ic.getText());

        robot.clickOn(ic);
        robot.clickOn("ana");

        assertEquals(new EventPayload.RoleAssigned("incident_commander", "ana"), last().payload());
        assertEquals("ana", ic.getText());

        robot.clickOn("#role-comms");
        robot.clickOn(".role-other").write("noor").type(KeyCode.ENTER);
        assertEquals(new EventPayload.RoleAssigned("comms", "noor"), last().payload());
        assertEquals("noor", robot.lookup("#role-comms").queryAs(MenuButton.class).getText());
    }

    @Test
    void postUpdate_opensADraft_andEnterRecordsIt(FxRobot robot) {
        robot.interact(() -> {
            fixtures.drillMidway();
            header.refresh();
        });
        robot.clickOn("Post update");
        TextField text = robot.lookup("#updateText").queryAs(TextField.class);
        assertEquals("Mitigating: Model provider outage (503s). Next update within 30m.", text.getText());

        robot.clickOn(text).type(KeyCode.ENTER);

        assertEquals(new EventPayload.StatusUpdatePosted("stakeholders",
                "Mitigating: Model provider outage (503s). Next update within 30m."), last().payload());
        assertEquals("status update due in 30:00", label(robot, "#statusUpdate").getText());
        assertEquals("status update posted on INC-0001", label(robot, "#message").getText());
    }

    @Test
    void screenshots_darkAndLight(FxRobot robot) throws IOException {
        robot.interact(() -> {
            LiveDrill drill = fixtures.drillMidway();
            header.refresh();
            header.assignRole(Role.COMMANDER, "li");
            header.assignRole(Role.SCRIBE, "ana");
            drill.advance(Duration.ofMinutes(9));
            header.refresh();
        });
        for (Theme theme : List.of(Theme.DARK, Theme.LIGHT)) {
            robot.interact(() -> show(theme));
            String name = "header-" + theme.name().toLowerCase(java.util.Locale.ROOT) + ".png";
            Path file = Screenshots.write(robot, scene, name);
            assertTrue(Files.size(file) > 0);
        }
        robot.interact(() -> show(Theme.DARK));
    }

    private void show(Theme theme) {
        root = IncidentHeaderView.load(header);
        scene = PartScene.of(root, theme);
        stage.setScene(scene);
        stage.sizeToScene();
        scene.getRoot().requestFocus();
    }

    private TimelineEvent last() {
        List<TimelineEvent> events = fixtures.timeline.events("INC-0001");
        return events.get(events.size() - 1);
    }

    private static Label label(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class);
    }
}
