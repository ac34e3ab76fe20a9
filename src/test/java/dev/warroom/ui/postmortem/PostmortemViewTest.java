package dev.warroom.ui.postmortem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.postmortem.BlameCheck;
import dev.warroom.ui.Screenshots;
import dev.warroom.ui.console.ConsoleFixtures;
import dev.warroom.ui.console.PanelScenes;
import dev.warroom.ui.console.Theme;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Postmortem tab on a headless screen, at the size of the console's centre area. */
@ExtendWith(ApplicationExtension.class)
class PostmortemViewTest {
    static final String BLAME = "li forgot to renew the provider API key before the weekend.";

    private final ConsoleFixtures fixtures = new ConsoleFixtures();
    private final InMemoryPostmortemVersions versions = new InMemoryPostmortemVersions(fixtures.wall);
    private PostmortemPanel panel;
    private Scene scene;
    private String id;

    @Start
    void start(Stage stage) {
        id = fixtures.drillMidway().incidentId().orElseThrow();
        PostmortemViewModel viewModel = new PostmortemViewModel(fixtures.services, fixtures.state, versions);
        viewModel.authorProperty().set("li");
        panel = new PostmortemPanel(viewModel);
        scene = PanelScenes.of((Parent) panel.view(), Theme.DARK);
        stage.setScene(scene);
        stage.show();
        panel.refresh();
    }


    @Test
    void preview_rendersTheMarkdownAsNodes_andFollowsTheTyping(FxRobot robot) {
        VBox preview = robot.lookup("#preview").queryAs(VBox.class);
        Node title = robot.from(preview).lookup(".md-h1").query();
        assertEquals("Postmortem: " + id + " Model provider outage (503s) (DRILL)", text(title));
        assertFalse(robot.from(preview).lookup(".md-table").queryAll().isEmpty());

        TextArea editor = robot.lookup("#editor").queryAs(TextArea.class);
        robot.interact(() -> editor.replaceText(0, editor.getText().indexOf('\n'), "# Retro of the provider outage"));
        waitForPreview();
        assertEquals("Retro of the provider outage", text(robot.from(preview).lookup(".md-h1").query()));
    }

    @Test
    void clickingABlameWarning_movesTheCaretToItsLine(FxRobot robot) {
        TextArea editor = robot.lookup("#editor").queryAs(TextArea.class);
        robot.interact(() -> editor.setText(editor.getText().replace(PostmortemViewModelTest.POORLY_PLACEHOLDER, BLAME)));
        ListView<BlameCheck.Warning> warnings = robot.lookup("#warnings").queryListView();
        assertEquals(1, warnings.getItems().size());
        assertEquals("1 warning", robot.lookup("#warningCount").queryAs(Label.class).getText());
        robot.interact(() -> editor.positionCaret(0));

        robot.clickOn(robot.lookup(".blame-warning").queryAs(Node.class));

        assertTrue(editor.isFocused());
        assertEquals(editor.getText().indexOf(BLAME), editor.getCaretPosition());
    }

    @Test
    void ctrlS_savesAVersion_andTheUnsavedMarkGoes(FxRobot robot) {
        Label saveState = robot.lookup("#saveState").queryAs(Label.class);
        assertEquals("Not saved yet", saveState.getText());
        assertTrue(saveState.getStyleClass().contains("dirty"));
        robot.clickOn("#editor").press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        assertEquals(1, versions.versions(id).size());
        assertEquals("Version 1 saved 2026-11-18 02:00 UTC by li", saveState.getText());
        assertFalse(saveState.getStyleClass().contains("dirty"));
        robot.write("x");
        assertEquals("Unsaved changes", saveState.getText());
    }

    @Test
    void screenshots_darkAndLight(FxRobot robot) throws IOException {
        TextArea editor = robot.lookup("#editor").queryAs(TextArea.class);
        robot.interact(panel::saveVersion);
        robot.interact(() -> editor.setText(editor.getText().replace(PostmortemViewModelTest.POORLY_PLACEHOLDER, BLAME)));
        waitForPreview();
        robot.interact(() -> robot.lookup("#warnings").query().requestFocus());
        Path dark = Screenshots.write(robot, scene, "postmortem-dark.png");
        robot.interact(() -> Theme.LIGHT.apply(scene));
        Path light = Screenshots.write(robot, scene, "postmortem-light.png");
        robot.interact(() -> Theme.DARK.apply(scene));
        assertTrue(Files.size(dark) > 10_000 && Files.size(light) > 10_000);
    }

    private static void waitForPreview() {
        WaitForAsyncUtils.sleep(400, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(Node node) {
        StringBuilder s = new StringBuilder();
        if (node instanceof Text t) {
            s.append(t.getText());
        } else if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> s.append(text(c)));
        }
        return s.toString();
    }
}
