package dev.warroom.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Real screenshots of what a test shows, for the README; taken with Scene.snapshot under Monocle. */
public final class Screenshots {
    public static final Path DIR = Path.of("docs", "screenshots");

    private Screenshots() {
    }

    public static Path write(FxRobot robot, Scene scene, String name) throws IOException {
        WaitForAsyncUtils.waitForFxEvents();
        BufferedImage[] image = new BufferedImage[1];
        robot.interact(() -> image[0] = SwingFXUtils.fromFXImage(scene.snapshot(null), null));
        Path file = DIR.resolve(name);
        Files.createDirectories(DIR);
        ImageIO.write(image[0], "png", file.toFile());
        return file;
    }
}
