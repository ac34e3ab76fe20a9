package dev.warroom.bench;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * Runs another program's {@code main} in this JVM and prints when its first frame was rendered, for
 * {@link ColdStartBench} and {@link MemoryBench}. The program is not changed: a watcher thread
 * waits for the JavaFX toolkit to come up, then follows the first window that is shown.
 *
 * <p>"First frame": pulse P1 is the first pulse that lays out the shown window's scene (a post-layout
 * pulse listener); its frame is then rendered, and the FX thread starts the next pulse P2 only after
 * that. The probe starts an {@link AnimationTimer} in P1 and takes the time of P2's start.
 *
 * <pre>java -cp ... dev.warroom.bench.ColdStartProbe exit|stay MAIN_CLASS [ARGS...]</pre>
 * prints {@code FIRST_FRAME <epoch µs> JVM_START <epoch ms> TOOLKIT <epoch µs> SHOWN <epoch µs>} (toolkit
 * running, window shown), {@code CPU <ns>} (CPU time of all the JVM's threads so far: steadier than
 * wall time on a shared machine) and then {@code TITLE <the window's title>}.
 *
 * <p>The console's first frame is its start-up frame (root id {@code startup}) while the store opens;
 * the probe then also waits for the root that replaces it and prints {@code READY <epoch µs> CPU <ns>
 * TITLE <title>} at the first frame after the replacement, the moment the console can be used. Any
 * other window is ready at its first frame. With {@code exit} it then exits through
 * {@code Platform.exit()} (so the app closes its store as on a normal quit).
 */
public final class ColdStartProbe {
    private static final AtomicBoolean HOOKED = new AtomicBoolean();
    private static final AtomicBoolean READY = new AtomicBoolean();
    private static volatile long toolkitMicros;
    private static volatile long shownMicros;

    private ColdStartProbe() {
    }

    public static void main(String[] args) throws Exception {
        boolean exit = args[0].equals("exit");
        Method main = Class.forName(args[1]).getMethod("main", String[].class);
        Thread watcher = new Thread(() -> watch(exit), "cold-start-probe");
        watcher.setDaemon(true);
        watcher.start();
        main.invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
    }

    private static void watch(boolean exit) {
        while (true) {
            try {
                Platform.runLater(() -> install(exit));
                return;
            } catch (IllegalStateException toolkitNotUpYet) {
                try {
                    TimeUnit.MILLISECONDS.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** On the FX thread, as soon as the toolkit runs: usually before the app's start(). */
    private static void install(boolean exit) {
        toolkitMicros = micros();
        for (Window w : Window.getWindows()) {
            follow(w, exit);
        }
        Window.getWindows().addListener((ListChangeListener<Window>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(w -> follow(w, exit));
            }
        });
    }

    private static void follow(Window window, boolean exit) {
        if (window.isShowing()) {
            shown(window, exit);
        } else {
            window.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> shown(window, exit));
        }
    }

    private static void shown(Window window, boolean exit) {
        if (!HOOKED.compareAndSet(false, true)) {
            return;
        }
        shownMicros = micros();
        Scene scene = window.getScene();
        boolean startupFrame = scene.getRoot() != null && "startup".equals(scene.getRoot().getId());
        if (startupFrame) {
            // the console replaces its start-up frame in the same scene, or shows an error scene
            Runnable[] ready = new Runnable[1];
            scene.rootProperty().addListener((obs, was, now) -> nextFrame(scene, (frame, cpu) -> ready(window, frame, cpu, exit)));
            window.sceneProperty().addListener((obs, was, now) -> {
                if (now != null) {
                    nextFrame(now, (frame, cpu) -> ready(window, frame, cpu, exit));
                }
            });
        }
        nextFrame(scene, (frame, cpu) -> {
            System.out.println("FIRST_FRAME " + frame + " JVM_START "
                    + ManagementFactory.getRuntimeMXBean().getStartTime() + " TOOLKIT " + toolkitMicros + " SHOWN "
                    + shownMicros + " CPU " + cpu + " TITLE " + title(window));
            System.out.flush();
            if (!startupFrame) {
                ready(window, frame, cpu, exit);
            }
        });
    }

    private static void ready(Window window, long frame, long cpu, boolean exit) {
        if (!READY.compareAndSet(false, true)) {
            return;
        }
        System.out.println("READY " + frame + " CPU " + cpu + " TITLE " + title(window));
        System.out.flush();
        if (exit) {
            quit();
        }
    }

    /** Calls {@code then} with the time and CPU of the frame rendered after {@code scene}'s next layout. */
    private static void nextFrame(Scene scene, java.util.function.ObjLongConsumer<Long> then) {
        // the app's own hook, so the benchmark times exactly the frame after which the console starts work
        dev.warroom.ui.ConsoleScene.afterNextFrame(scene, () -> then.accept(micros(),
                ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime()));
    }

    private static String title(Window window) {
        return window instanceof javafx.stage.Stage stage && stage.getTitle() != null ? stage.getTitle() : "";
    }

    private static void quit() {
        Thread guard = new Thread(() -> {
            try {
                TimeUnit.SECONDS.sleep(10);
            } catch (InterruptedException ignored) {
                // exiting anyway
            }
            System.exit(0);
        }, "cold-start-probe-exit");
        guard.setDaemon(true);
        guard.start();
        Platform.exit();
    }

    static long micros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }
}
