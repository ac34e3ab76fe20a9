package dev.warroom.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The window shown instead of the console when another process holds the store. */
@ExtendWith(ApplicationExtension.class)
class StoreErrorViewTest {
    // the wording WarroomStore gives for a held file, on a typical Linux data directory
    private static final String HELD = "the Warroom store /home/ana/.local/share/warroom/warroom.mv.db is already open in"
            + " another process (another Warroom window or drill); close it, or use --db PATH / WARROOM_DB for a"
            + " separate store";

    private final AtomicInteger quits = new AtomicInteger();
    private Scene scene;

    @Start
    void start(Stage stage) {
        scene = StoreErrorView.create(HELD, quits::incrementAndGet);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void heldStore_saysWhichFileAsASentence_andQuitQuits(FxRobot robot) throws IOException {
        Label message = robot.lookup(".store-error-message").queryAs(Label.class);
        assertTrue(message.getText().startsWith("The Warroom store /home/ana/.local/share/warroom/warroom.mv.db"),
                message.getText());
        Screenshots.write(robot, scene, "store-locked-dark.png");

        robot.clickOn("Quit");
        assertEquals(1, quits.get());
        robot.type(javafx.scene.input.KeyCode.ENTER);
        assertEquals(2, quits.get(), "Enter presses Quit too");
    }
}
