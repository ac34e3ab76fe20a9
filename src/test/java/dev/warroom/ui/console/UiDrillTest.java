package dev.warroom.ui.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.incident.EventPayload;
import dev.warroom.incident.Incident;
import dev.warroom.incident.IncidentState;
import dev.warroom.incident.PageState;
import dev.warroom.incident.TimelineEvent;
import dev.warroom.ui.ConsoleScene;
import dev.warroom.ui.handoff.HandoffRecords;
import dev.warroom.ui.postmortem.InMemoryPostmortemVersions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.animation.Animation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A whole drill driven only through the console, with the robot's mouse and keyboard: start the
 * drill, ack the page, start the suggested runbook, ack steps until "recovered", resolve, open the
 * postmortem; then check what the timeline holds.
 */
@ExtendWith(ApplicationExtension.class)
class UiDrillTest {
    private final ConsoleFixtures fixtures = new ConsoleFixtures();
    private ConsoleAssembly assembly;
    private Animation ticking;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        assembly = ConsoleAssembly.build(fixtures.services, fixtures.state, "noor",
                HandoffRecords.inMemory(fixtures.wall), new InMemoryPostmortemVersions(fixtures.wall), null);
        Scene scene = ConsoleScene.create(assembly.root(), Theme.DARK);
        assembly.installOn(scene);
        stage.setScene(scene);
        stage.show();
        ticking = ConsoleScene.every(Duration.ofMillis(150), assembly.console()::refresh);
    }

    @AfterEach
    void stop() {
        ticking.stop();
        if (fixtures.state.getActiveDrill() != null) {
            fixtures.state.getActiveDrill().close();
        }
    }

    /**
     * A chord as a person presses it. Keys go to the focused window, and a popup the robot's pointer
     * left behind (a tooltip over a button it clicked) can hold the focus on Monocle: the console's
     * window takes it back first, as a person's window has it while they type.
     */
    private void keys(FxRobot robot, KeyCode... chord) {
        robot.interact(() -> {
            stage.toFront();
            stage.requestFocus();
        });
        robot.press(chord);
        KeyCode[] reversed = new KeyCode[chord.length];
        for (int i = 0; i < chord.length; i++) {
            reversed[i] = chord[chord.length - 1 - i];
        }
        robot.release(reversed);
    }

    @Test
    void aWholeDrill_byMouseAndKeyboardOnly(FxRobot robot) throws Exception {
        // keys go to the focused window: a click puts this console in front of whatever ran before
        robot.clickOn(robot.lookup(".console-status").queryAs(Node.class));
        // Drills tab: pick the provider outage at 300x and start it
        keys(robot, KeyCode.CONTROL, KeyCode.DIGIT6);
        Node drills = assembly.drills().view();
        ListView<?> scenarios = robot.from(drills).lookup("#scenarioList").queryListView();
        int index = indexOf(scenarios, "provider-outage");
        robot.interact(() -> scenarios.getSelectionModel().select(index));
        robot.clickOn(robot.from(drills).lookup("#speed-300x").queryAs(Node.class));
        robot.clickOn(robot.from(drills).lookup("#startButton").queryButton());

        // the burn-rate policy pages; the console selects the drill's incident
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> paged() != null);
        String id = paged().id();
        keys(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.A);
        awaitTrue(() -> incident(id).paging().status() == PageState.Status.ACKED, 10,
                () -> "the page was not acked: selected " + fixtures.state.getSelectedIncident() + ", pager says '"
                        + assembly.pager().messageProperty().get() + "', paging " + incident(id).paging());

        // Triage: the suggested runbook is first; start it with its key
        keys(robot, KeyCode.CONTROL, KeyCode.DIGIT2);
        Node triage = assembly.triage().view();
        ListView<?> suggestions = robot.from(triage).lookup("#suggestionList").queryListView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !suggestions.getItems().isEmpty());
        robot.clickOn(robot.from(suggestions).lookup(".list-cell").queryAs(Node.class));
        Button start = robot.from(triage).lookup("#startButton").queryButton();
        awaitTrue(() -> !start.isDisabled(), 20, () -> "Start runbook stays disabled: "
                + robot.from(triage).lookup("#startReason").queryAs(Label.class).getText());
        robot.clickOn(start);

        // Runbook: ack steps until the run says recovered
        Node runbook = assembly.runbook().view();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.from(runbook).lookup("#ackButton").queryButton().isVisible()
                        && !robot.from(runbook).lookup("#ackButton").queryButton().isDisabled());
        Label banner = robot.from(runbook).lookup("#banner").queryAs(Label.class);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!banner.isVisible() && System.nanoTime() < deadline) {
            Button ack = robot.from(runbook).lookup("#ackButton").queryButton();
            if (!ack.isDisabled()) {
                robot.clickOn(ack);
            }
            Thread.sleep(700); // about 3.5 drill minutes at 300x: time for the mitigation to work
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertTrue(banner.isVisible(), "the runbook never said recovered");
        assertTrue(banner.getText().startsWith("RECOVERED"), banner.getText());

        // Drills: resolve the drill's incident (its key), see the score card
        keys(robot, KeyCode.CONTROL, KeyCode.DIGIT6);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> !robot.from(drills).lookup("#resolveButton").queryButton().isDisabled());
        keys(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.R);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> incident(id).state() == IncidentState.RESOLVED);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.from(drills).lookup("#scoreCard").query().isVisible());

        // Postmortem: rendered from what just happened
        keys(robot, KeyCode.CONTROL, KeyCode.DIGIT5);
        TextArea editor = robot.from(assembly.postmortem().view()).lookup("#editor").queryAs(TextArea.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> editor.getText().startsWith("# Postmortem: " + id));

        List<TimelineEvent> events = fixtures.timeline.events(id);
        List<String> types = events.stream().map(TimelineEvent::type).toList();
        for (String t : List.of("paged", "acknowledged", "runbook_started", "step_acked", "mitigation_applied",
                "sli_observed", "mitigated", "resolved")) {
            assertTrue(types.contains(t), t + " missing: " + types);
        }
        EventPayload.Acknowledged ack = events.stream().map(TimelineEvent::payload)
                .filter(EventPayload.Acknowledged.class::isInstance).map(EventPayload.Acknowledged.class::cast)
                .findFirst().orElseThrow();
        EventPayload.RunbookStarted run = events.stream().map(TimelineEvent::payload)
                .filter(EventPayload.RunbookStarted.class::isInstance).map(EventPayload.RunbookStarted.class::cast)
                .findFirst().orElseThrow();
        assertEquals("provider-outage", run.runbook(), "the suggested runbook was the one run");
        assertTrue(ack.by() != null && !ack.by().isBlank());
        assertTrue(editor.getText().contains("## Timeline (UTC)"));
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, int seconds,
                                  java.util.function.Supplier<String> why) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(why.get(), e);
        }
    }

    private Incident paged() {
        return fixtures.timeline.incidents().stream()
                .filter(i -> i.paging().status() == PageState.Status.PAGING).findFirst().orElse(null);
    }

    private Incident incident(String id) {
        return fixtures.timeline.require(id);
    }

    private static int indexOf(ListView<?> list, String scenario) {
        for (int i = 0; i < list.getItems().size(); i++) {
            if (list.getItems().get(i).toString().contains(scenario)) {
                return i;
            }
        }
        throw new AssertionError(scenario + " not in " + list.getItems());
    }
}
