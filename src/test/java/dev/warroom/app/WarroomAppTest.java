package dev.warroom.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.incident.EventPayload;
import dev.warroom.incident.Severity;
import dev.warroom.incident.Timeline;
import dev.warroom.store.HoldStoreMain;
import dev.warroom.store.WarroomStore;
import dev.warroom.ui.incidents.IncidentRow;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The application as launched: its store, its window, and what happens when the store is taken. */
class WarroomAppTest {
    private Application app;
    private Stage stage;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
        WarroomApp.useStore(null);
    }

    @Test
    void console_opensOnItsStoreAndShowsTheIncidents(@TempDir Path dir) throws Exception {
        Path base = dir.resolve("warroom");
        try (WarroomStore store = WarroomStore.openH2(base)) {
            Timeline timeline = store.timeline(Clock.systemUTC());
            String id = timeline.declare("warroom/slo-policy", new EventPayload.IncidentDeclared(
                    "Checkout 503s from model provider", Severity.SEV1, "checkout", "checkout-availability", true,
                    "provider-outage", "half of checkout calls fail")).id();
            timeline.record(id, "warroom/escalation", new EventPayload.Paged("L1", "ana", "ana@oncall.example", 1,
                    id + "/L1/1", "recording"));
        }
        WarroomApp.useStore(base);
        app = FxToolkit.setupApplication(WarroomApp.class);
        stage = FxToolkit.toolkitContext().getRegisteredStage();
        FxRobot robot = new FxRobot();
        // the first frame is the start-up frame naming the store; the console replaces it once the store is open
        assertTrue(stage.getTitle().contains("opening the store") || robot.lookup("#incidentTable").tryQuery().isPresent(),
                stage.getTitle());

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#incidentTable").tryQuery().isPresent()
                        && !robot.lookup("#incidentTable").<IncidentRow>queryTableView().getItems().isEmpty());
        TableView<IncidentRow> incidents = robot.lookup("#incidentTable").queryTableView();
        assertEquals("INC-0001", incidents.getItems().get(0).id());
        assertEquals("L1 ana paged", incidents.getItems().get(0).paging());
        assertTrue(stage.getTitle().contains(base + ".mv.db"), "the title names the store: " + stage.getTitle());
        assertEquals(2, stage.getIcons().size(), "the window carries the installers' icon");
        assertTrue(robot.lookup("#startup").tryQuery().isEmpty(), "the start-up frame is gone");
    }

    @Test
    void console_onAStoreHeldByAnotherProcess_namesTheFileAndOffersQuit(@TempDir Path dir) throws Exception {
        Path base = dir.resolve("held");
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HoldStoreMain.class.getName(), base.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String line = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8)).readLine();
            assertTrue(line != null && line.startsWith("open"), "holder did not open the store: " + line);

            WarroomApp.useStore(base);
            app = FxToolkit.setupApplication(WarroomApp.class);
            FxRobot robot = new FxRobot();
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".store-error-message").tryQuery().isPresent());

            Label message = robot.lookup(".store-error-message").queryAs(Label.class);
            assertTrue(message.getText().contains(base + ".mv.db"), message.getText());
            assertTrue(message.getText().contains("already open"), message.getText());
            assertEquals("Quit", robot.lookup(".store-error .button").queryAs(Button.class).getText());
        } finally {
            holder.destroyForcibly();
            holder.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
