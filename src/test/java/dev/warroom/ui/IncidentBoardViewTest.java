package dev.warroom.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.incident.EventPayload;
import dev.warroom.incident.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/** The board on a (headless) screen: what an IC sees on a drill night, and the README screenshot. */
@ExtendWith(ApplicationExtension.class)
class IncidentBoardViewTest {
    static final Path SCREENSHOT = Screenshots.DIR.resolve("incident-board-dark.png");

    private final BoardFixtures fixtures = BoardFixtures.nightShift();
    private IncidentBoardViewModel board;
    private Scene scene;

    @Start
    void start(Stage stage) {
        // Direct runners: the robot already acts on the FX thread, so reads finish before it looks.
        board = new IncidentBoardViewModel(fixtures.timeline, Runnable::run, Runnable::run, fixtures.clock);
        scene = ConsoleScene.create(board);
        stage.setTitle(ConsoleScene.TITLE);
        stage.setScene(scene);
        stage.show();
        board.refresh();
    }

    @Test
    void selectingTheDrill_showsItsTimeline_theDrillBadge_andTheSeverityInWords(FxRobot robot) throws IOException {
        robot.clickOn(cell(robot, BoardFixtures.TICKET_ID));
        assertFalse(robot.lookup("#drillBadge").queryAs(Label.class).isVisible(), "a live Sev-3 is not a drill");
        assertFalse(robot.lookup("#board").query().getStyleClass().contains("drill"));
        assertEquals(3, timeline(robot).getItems().size());

        robot.clickOn(cell(robot, BoardFixtures.DRILL_ID));

        TableView<IncidentRow> incidents = robot.lookup("#incidentTable").queryTableView();
        assertEquals(List.of("INC-0003", "INC-0002", "INC-0001"), incidents.getItems().stream().map(IncidentRow::id).toList());
        assertEquals(BoardFixtures.DRILL_ID, incidents.getSelectionModel().getSelectedItem().id());

        Label drillBadge = robot.lookup("#drillBadge").queryAs(Label.class);
        assertTrue(drillBadge.isVisible());
        assertEquals("DRILL", drillBadge.getText());
        assertTrue(robot.lookup("#board").query().getStyleClass().contains("drill"), "the window is framed as a drill");

        Label severityBadge = robot.lookup("#severityBadge").queryAs(Label.class);
        assertEquals("Sev-1", severityBadge.getText());
        assertTrue(severityBadge.getStyleClass().contains("sev-1"));
        Labeled severityCell = cell(robot, "Sev-1");
        assertTrue(severityCell.getStyleClass().contains("sev-1"), "severity is a word and a colour");
        assertTrue(cell(robot, "MITIGATING").getStyleClass().contains("state-mitigating"));
        assertEquals("MITIGATING", robot.lookup("#stateBadge").queryAs(Label.class).getText());
        assertEquals("INC-0003  Checkout 503s from model provider",
                robot.lookup("#incidentHeadline").queryAs(Label.class).getText());

        TableView<TimelineRow> timeline = timeline(robot);
        assertEquals(10, timeline.getItems().size());
        assertEquals("SLI 85.0% (objective 99.9%, 5m window)", timeline.getItems().get(9).summary());
        cell(robot, "paged L1 ana (ana@oncall.example)");
        cell(robot, "+00:11:30");

        assertEquals("3 incidents, 2 open · refreshed 02:22:03 UTC",
                robot.lookup("#statusLine").queryAs(Label.class).getText());

        writeScreenshot(robot);
        assertTrue(Files.size(SCREENSHOT) > 10_000, "the screenshot has content");
    }

    @Test
    void refreshWithChangedRows_keepsThePersonsSelectionInTheTable(FxRobot robot) {
        robot.clickOn(cell(robot, BoardFixtures.TICKET_ID));

        robot.interact(() -> {
            fixtures.clock.advance(Duration.ofSeconds(30));
            fixtures.timeline.record(BoardFixtures.TICKET_ID, "warroom/metrics",
                    new EventPayload.SliObserved("payments-webhooks", 0.9971, 0.995, "1h"));
            fixtures.timeline.declare("warroom/slo-policy", new EventPayload.IncidentDeclared(
                    "Login errors in eu-west", Severity.SEV2, "login", "login-availability", false, null, null));
            board.refresh();
        });

        TableView<IncidentRow> incidents = robot.lookup("#incidentTable").queryTableView();
        assertEquals(4, incidents.getItems().size(), "the new incident is listed");
        IncidentRow selected = incidents.getSelectionModel().getSelectedItem();
        assertEquals(BoardFixtures.TICKET_ID, selected.id(), "a new incident does not steal the selection");
        assertEquals("99.71%", selected.sli(), "the table selects the refreshed row, not the stale one");
        assertEquals(selected, board.getSelectedIncident());
        assertEquals(4, timeline(robot).getItems().size());
    }

    private static TableView<TimelineRow> timeline(FxRobot robot) {
        return robot.lookup("#timelineTable").queryTableView();
    }

    private static Labeled cell(FxRobot robot, String text) {
        return robot.lookup(".table-cell").match(LabeledMatchers.hasText(text)).queryLabeled();
    }

    private void writeScreenshot(FxRobot robot) throws IOException {
        Screenshots.write(robot, scene, SCREENSHOT.getFileName().toString());
    }
}
