package dev.warroom.ui.incidents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.incident.EventPayload;
import dev.warroom.incident.InMemoryTimeline;
import dev.warroom.time.VirtualClock;
import dev.warroom.ui.Screenshots;
import dev.warroom.ui.console.ConsoleState;
import dev.warroom.ui.console.PanelScenes;
import dev.warroom.ui.console.Theme;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import javafx.scene.Parent;
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

/**
 * The Incidents tab on a headless screen, as the console builds it (the panel over the console's
 * state), at the size of the console's centre area; the README's incidents screenshots.
 */
@ExtendWith(ApplicationExtension.class)
class IncidentListViewTest {
    private final IncidentFixtures fixtures = IncidentFixtures.nightShift();
    private final ConsoleState state = new ConsoleState(fixtures.clock);
    private IncidentsPanel panel;
    private Scene scene;

    @Start
    void start(Stage stage) {
        panel = new IncidentsPanel(fixtures.services(), state);
        scene = PanelScenes.of((Parent) panel.view(), Theme.DARK);
        stage.setScene(scene);
        stage.show();
        panel.refresh();
    }

    @Test
    void everyIncidentIsARow_severityStateKindAndPageInWordsAndColour(FxRobot robot) {
        assertEquals(List.of("INC-0003", "INC-0002", "INC-0001"), table(robot).getItems().stream().map(IncidentRow::id).toList());

        assertStyled(robot, "Sev-1", "sev-1");
        assertStyled(robot, "Sev-3", "sev-3");
        assertStyled(robot, "MITIGATING", "state-mitigating");
        assertStyled(robot, "RESOLVED", "state-resolved");
        assertStyled(robot, "DRILL", "kind-drill");
        assertStyled(robot, "acked by li", "page-acked");
        assertStyled(robot, "ticket TICKET-0002", "page-ticket");
        cell(robot, "Checkout 503s from model provider");
        cell(robot, "85.0%");
        cell(robot, "2025-03-14 02:10");

        assertEquals("3 incidents, 2 open · refreshed 02:22:03 UTC", statusLine(robot).getText());
        assertFalse(statusLine(robot).getStyleClass().contains("status-error"));
        assertTrue(robot.lookup(".banner").tryQuery().isEmpty(), "the console's header names the incident, not the list");
        assertTrue(robot.lookup("#timelineTable").tryQuery().isEmpty(), "the Timeline tab shows the events, not the list");
    }

    @Test
    void aRowsStyleClassFollowsItsIncident_whenARefreshMovesRowsAround(FxRobot robot) {
        robot.interact(() -> {
            fixtures.clock.advance(Duration.ofSeconds(30));
            fixtures.withUnackedPage();
            panel.refresh();
        });

        assertStyled(robot, "L1 ana paged", "page-waiting");
        // cells are reused for other rows: a cell that showed the drill must not keep its colour
        assertEquals(1, robot.lookup(".table-cell.kind-drill").queryAll().size(), "only the drill's row is marked DRILL");
        assertEquals("DRILL", robot.lookup(".table-cell.kind-drill").queryLabeled().getText());
        assertEquals(3, robot.lookup(".table-cell.kind-live").queryAll().size());
        assertEquals(1, robot.lookup(".table-cell.page-waiting").queryAll().size());
    }

    @Test
    void selection_followsTheConsole_andAClickFocusesTheIncidentForTheConsole(FxRobot robot) {
        TableView<IncidentRow> table = table(robot);
        assertEquals(IncidentFixtures.DRILL_ID, state.getSelectedIncident(), "the newest open incident is in focus");
        assertEquals(IncidentFixtures.DRILL_ID, table.getSelectionModel().getSelectedItem().id());

        robot.clickOn(cell(robot, IncidentFixtures.TICKET_ID));
        assertEquals(IncidentFixtures.TICKET_ID, state.getSelectedIncident());

        robot.interact(() -> state.setSelectedIncident(IncidentFixtures.RESOLVED_ID));
        assertEquals(IncidentFixtures.RESOLVED_ID, table.getSelectionModel().getSelectedItem().id());
    }

    @Test
    void refreshWithChangedRows_keepsThePersonsSelectionInTheTable(FxRobot robot) {
        robot.clickOn(cell(robot, IncidentFixtures.TICKET_ID));

        robot.interact(() -> {
            fixtures.clock.advance(Duration.ofSeconds(30));
            fixtures.timeline.record(IncidentFixtures.TICKET_ID, "warroom/metrics",
                    new EventPayload.SliObserved("payments-webhooks", 0.9971, 0.995, "1h"));
            fixtures.withUnackedPage();
            panel.refresh();
        });

        TableView<IncidentRow> table = table(robot);
        assertEquals(4, table.getItems().size(), "the new incident is listed");
        IncidentRow selected = table.getSelectionModel().getSelectedItem();
        assertEquals(IncidentFixtures.TICKET_ID, selected.id(), "a new incident does not steal the selection");
        assertEquals("99.71%", selected.sli(), "the table selects the refreshed row, not the stale one");
        assertEquals(IncidentFixtures.TICKET_ID, state.getSelectedIncident());
    }

    @Test
    void anEmptyStore_saysQuietShift(FxRobot robot) {
        VirtualClock clock = new VirtualClock(Instant.parse("2025-03-14T02:00:00Z"));
        InMemoryTimeline none = new InMemoryTimeline(clock);
        robot.interact(() -> {
            IncidentListViewModel list = new IncidentListViewModel(none, Runnable::run, Runnable::run, clock);
            scene.setRoot(IncidentListView.load(list));
            list.refresh();
        });

        assertTrue(table(robot).getItems().isEmpty());
        assertTrue(robot.lookup("No incidents. Quiet shift.").tryQuery().map(n -> n.isVisible()).orElse(false));
        assertEquals("0 incidents, 0 open · refreshed 02:00:00 UTC", statusLine(robot).getText());
    }

    @Test
    void aFailedRead_turnsTheStatusLineIntoAnError(FxRobot robot) {
        VirtualClock clock = new VirtualClock(Instant.parse("2025-03-14T02:00:00Z"));
        robot.interact(() -> {
            IncidentListViewModel list = new IncidentListViewModel(new InMemoryTimeline(clock), task -> {
                throw new RejectedExecutionException("executor is shut down");
            }, Runnable::run, clock);
            scene.setRoot(IncidentListView.load(list));
            list.refresh();
        });

        assertEquals("could not read the incidents: executor is shut down · nothing loaded yet",
                statusLine(robot).getText());
        assertTrue(statusLine(robot).getStyleClass().contains("status-error"));
    }

    @Test
    void screenshots_darkAndLight(FxRobot robot) throws IOException {
        // the pointer off the rows: a hovered row would make the picture depend on the tests before
        robot.moveTo(statusLine(robot));
        Path dark = Screenshots.write(robot, scene, "incidents-dark.png");
        robot.interact(() -> Theme.LIGHT.apply(scene));
        Path light = Screenshots.write(robot, scene, "incidents-light.png");
        robot.interact(() -> Theme.DARK.apply(scene));
        assertTrue(Files.size(dark) > 10_000 && Files.size(light) > 10_000, "the screenshots have content");
    }

    private static TableView<IncidentRow> table(FxRobot robot) {
        return robot.lookup("#incidentTable").queryTableView();
    }

    private static Label statusLine(FxRobot robot) {
        return robot.lookup("#statusLine").queryAs(Label.class);
    }

    private static Labeled cell(FxRobot robot, String text) {
        return robot.lookup(".table-cell").match(LabeledMatchers.hasText(text)).queryLabeled();
    }

    /** The word is on screen with its colour class beside it: never a colour alone. */
    private static void assertStyled(FxRobot robot, String text, String styleClass) {
        List<String> classes = cell(robot, text).getStyleClass();
        assertTrue(classes.contains(styleClass), text + " has " + classes);
    }
}
