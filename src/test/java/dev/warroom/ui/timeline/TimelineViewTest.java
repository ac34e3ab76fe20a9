package dev.warroom.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.drill.LiveDrill;
import dev.warroom.incident.EventPayload;
import dev.warroom.incident.Timeline;
import dev.warroom.incident.TimelineEvent;
import dev.warroom.ui.Screenshots;
import dev.warroom.ui.console.ConsoleFixtures;
import dev.warroom.ui.console.PanelScenes;
import dev.warroom.ui.console.Theme;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Timeline tab on a headless screen, at the size of the console's centre area. */
@ExtendWith(ApplicationExtension.class)
class TimelineViewTest {
    /** The console's centre area on a 1366x768 screen, beside the SLO board. */

    private final ConsoleFixtures fixtures = new ConsoleFixtures();
    private TimelinePanel panel;
    private Scene scene;
    private String id;

    @Start
    void start(Stage stage) {
        LiveDrill drill = fixtures.drillMidway();
        id = drill.incidentId().orElseThrow();
        Timeline onDrillTime = fixtures.timeline.on(drill.clock());
        onDrillTime.record(id, "li", new EventPayload.Note("fallback provider answering, p95 latency 1.8 s"));
        drill.advance(Duration.ofSeconds(40));
        onDrillTime.record(id, "ana", new EventPayload.Note("status page updated: degraded checkout"));
        TimelineViewModel viewModel = new TimelineViewModel(fixtures.services, fixtures.state);
        viewModel.youProperty().set("li");
        panel = new TimelinePanel(viewModel);
        scene = PanelScenes.of((Parent) panel.view(), Theme.DARK);
        stage.setScene(scene);
        stage.show();
        panel.refresh();
    }


    @Test
    void enterInTheNoteField_addsTheNote_andTheScribeStaysInTheField(FxRobot robot) {
        TextField field = robot.lookup("#noteField").queryAs(TextField.class);
        robot.clickOn(field).write("provider confirms incident on their side").type(KeyCode.ENTER);

        TimelineEvent last = last();
        assertEquals(new EventPayload.Note("provider confirms incident on their side"), last.payload());
        assertEquals("li", last.actor());
        assertEquals("", field.getText());
        assertTrue(field.isFocused(), "the focus stays in the note field");
        TableView<TimelineEntry> table = robot.lookup("#table").queryTableView();
        assertEquals("note: provider confirms incident on their side",
                table.getItems().get(table.getItems().size() - 1).summary());

        int events = fixtures.timeline.events(id).size();
        robot.type(KeyCode.ENTER);
        assertEquals(events, fixtures.timeline.events(id).size(), "an empty note is not recorded");
    }

    @Test
    void focusNote_fromAnywhere_putsTheKeyboardInTheField(FxRobot robot) {
        robot.clickOn("#table");
        TextField field = robot.lookup("#noteField").queryAs(TextField.class);
        assertTrue(!field.isFocused());
        robot.interact(panel::focusNote);
        assertTrue(field.isFocused());
        robot.write("typed straight away");
        assertEquals("typed straight away", field.getText());
    }

    @Test
    void typeChips_filterTheTable_andAllShowsEverything(FxRobot robot) {
        TableView<TimelineEntry> table = robot.lookup("#table").queryTableView();
        int all = table.getItems().size();
        long notes = table.getItems().stream().filter(e -> e.type().equals("note")).count();
        assertTrue(notes >= 2 && notes < all, "the drill's timeline holds notes among other events");
        robot.clickOn("#chip-note");
        assertTrue(table.getItems().stream().allMatch(e -> e.type().equals("note")));
        assertEquals(notes, table.getItems().size());
        assertEquals(notes + " of " + all + " events", robot.lookup(".timeline-count").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#noteField").query().isFocused(), "a click on a chip hands the keyboard back");
        robot.clickOn("#chip-all");
        assertEquals(all, table.getItems().size());
    }

    @Test
    void aFailedNote_isShown_andItsTextKept(FxRobot robot) {
        robot.interact(() -> fixtures.state.setSelectedIncident("INC-0099"));
        TextField field = robot.lookup("#noteField").queryAs(TextField.class);
        robot.clickOn(field).write("lost?").type(KeyCode.ENTER);
        assertEquals("lost?", field.getText());
        Label error = robot.lookup("#noteError").queryAs(Label.class);
        assertTrue(error.isVisible());
        assertTrue(error.getText().startsWith("Note not recorded"), error.getText());
    }

    @Test
    void screenshots_darkAndLight(FxRobot robot) throws IOException {
        robot.interact(() -> robot.lookup("#table").query().requestFocus());
        Path dark = Screenshots.write(robot, scene, "timeline-dark.png");
        robot.interact(() -> Theme.LIGHT.apply(scene));
        Path light = Screenshots.write(robot, scene, "timeline-light.png");
        robot.interact(() -> Theme.DARK.apply(scene));
        assertTrue(Files.size(dark) > 10_000 && Files.size(light) > 10_000);
    }

    private TimelineEvent last() {
        List<TimelineEvent> events = fixtures.timeline.events(id);
        return events.get(events.size() - 1);
    }
}
