package dev.warroom.ui.pager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.drill.LiveDrill;
import dev.warroom.incident.EventPayload;
import dev.warroom.incident.Incident;
import dev.warroom.incident.Severity;
import dev.warroom.incident.TimelineEvent;
import dev.warroom.ui.Screenshots;
import dev.warroom.ui.console.ConsoleFixtures;
import dev.warroom.ui.console.Theme;
import dev.warroom.ui.header.PartScene;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The pager bar on a (headless) 1366-wide screen, driven by the robot, and its README screenshots. */
@ExtendWith(ApplicationExtension.class)
class PagerBarViewTest {
    private final ConsoleFixtures fixtures = new ConsoleFixtures();
    private PagerBarViewModel pager;
    private Stage stage;
    private Parent root;
    private Scene scene;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        pager = new PagerBarViewModel(fixtures.services, fixtures.state);
        pager.refresh();
        show(Theme.DARK);
        stage.show();
    }

    @Test
    void nothingPaged_ackIsDisabled_andItsTooltipSaysWhy(FxRobot robot) {
        Button ack = robot.lookup(".ack-button").queryAs(Button.class);
        assertTrue(ack.isDisabled());
        assertEquals("No incident selected: nothing to ack", ack.getTooltip().getText());
        Node holder = robot.lookup(".ack-holder").query();
        Object installed = holder.getProperties().get("javafx.scene.control.Tooltip");
        assertTrue(installed instanceof Tooltip, "a disabled button gets no mouse: its holder carries the tooltip");
        assertEquals("No incident selected: nothing to ack", ((Tooltip) installed).getText());
        assertEquals("L1 ana", label(robot, "#rung-L1").getText());
    }

    @Test
    void clickingAck_acksThePagedPerson_andTheRungTurnsAcked(FxRobot robot) {
        robot.interact(() -> {
            Incident i = declare(Severity.SEV1, "Checkout 503s");
            fixtures.services.liveLadder().open(i.id(), i.title());
            fixtures.wall.advance(Duration.ofMinutes(2));
            fixtures.state.setSelectedIncident(i.id());
        });
        Incident incident = fixtures.timeline.require("INC-0001");
        Label l1 = label(robot, "#rung-L1");
        assertEquals("L1 ana PAGED 00:00:00", l1.getText());
        assertTrue(l1.getStyleClass().contains("rung-paged"));
        assertEquals("L2 li (would page at 00:05:00)", label(robot, "#rung-L2").getText());
        assertEquals("escalates in 03:00", robot.lookup(".escalation").queryAs(Label.class).getText());
        Button ack = robot.lookup(".ack-button").queryAs(Button.class);
        assertFalse(ack.isDisabled());
        assertEquals("Ack ana", ack.getText());

        robot.clickOn(ack);

        List<TimelineEvent> events = fixtures.timeline.events(incident.id());
        assertEquals(new EventPayload.Acknowledged("L1", "ana", 120), events.get(events.size() - 1).payload());
        Label acked = label(robot, "#rung-L1");
        assertEquals("L1 ana ACKED 00:02:00", acked.getText());
        assertTrue(acked.getStyleClass().contains("rung-acked"));
        assertFalse(acked.getStyleClass().contains("rung-paged"));
        assertTrue(ack.isDisabled());
        assertEquals("Already acked by ana at 00:02:00", ack.getTooltip().getText());
    }

    @Test
    void ticketsAreListedApart_andADrillSaysDrill(FxRobot robot) {
        robot.interact(() -> {
            fixtures.drillMidway();
            Incident ticket = declare(Severity.SEV3, "Search slow for some tenants");
            fixtures.services.liveLadder().open(ticket.id(), ticket.title());
            pager.refresh();
        });
        assertTrue(robot.lookup(".pager-drill").queryAs(Label.class).isVisible());
        assertEquals("ticket TICKET-0002 — Sev-3, never pages", robot.lookup(".ticket").queryAs(Label.class).getText());
        assertEquals("L2 li ACKED 00:07:00", label(robot, "#rung-L2").getText());
    }

    @Test
    void screenshots_darkAndLight(FxRobot robot) throws IOException {
        robot.interact(() -> {
            LiveDrill drill = fixtures.drill("provider-outage");
            drill.advance(Duration.ofMinutes(20));
            fixtures.state.setSelectedIncident(drill.incidentId().orElseThrow());
            Incident ticket = declare(Severity.SEV3, "Search slow for some tenants");
            fixtures.services.liveLadder().open(ticket.id(), ticket.title());
            pager.refresh();
        });
        for (Theme theme : List.of(Theme.DARK, Theme.LIGHT)) {
            robot.interact(() -> show(theme));
            Node part = robot.lookup(".pager-bar").query();
            assertTrue(part.minWidth(-1) <= PartScene.WIDTH, "needs " + part.minWidth(-1) + " px");
            Screenshots.write(robot, scene, "pager-" + theme.name().toLowerCase(Locale.ROOT) + ".png");
        }
        assertEquals("escalates in 03:00", robot.lookup(".escalation").queryAs(Label.class).getText());
        robot.interact(() -> show(Theme.DARK));
    }

    private void show(Theme theme) {
        root = PagerBarView.load(pager);
        scene = PartScene.of(root, theme);
        stage.setScene(scene);
        stage.sizeToScene();
        scene.getRoot().requestFocus();
    }

    private Incident declare(Severity severity, String title) {
        return fixtures.timeline.declare("warroom/slo-policy",
                new EventPayload.IncidentDeclared(title, severity, "checkout", "checkout-availability", false, null, title));
    }

    private static Label label(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class);
    }
}
