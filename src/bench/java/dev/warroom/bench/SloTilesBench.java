package dev.warroom.bench;

import dev.warroom.slo.AlertPolicy;
import dev.warroom.slo.Decision;
import dev.warroom.slo.EventCounts;
import dev.warroom.slo.PolicyEvaluator;
import dev.warroom.slo.Slo;
import dev.warroom.time.Durations;
import dev.warroom.ui.console.Theme;
import dev.warroom.ui.slo.SloBoardView;
import dev.warroom.ui.slo.SloBoardViewModel;
import dev.warroom.ui.slo.SloFeed;
import dev.warroom.ui.slo.SloReading;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The "200 SLO tiles updated once a second": one update is what the FX thread does each
 * second for the SLO board, i.e. the new readings handed to 200 existing tiles plus the CSS and
 * layout pass that follows. Its mean over one second is the FX thread's busy share (target < 10%);
 * its maximum (SampleTime's p1.00) the worst frame. {@code updateAndPaint} adds a snapshot of the
 * window, which syncs and paints on the FX thread: an upper bound, since the app paints on the
 * render thread.
 *
 * <p>Every second brings new burn rates and a new sparkline point for every SLO, and every tenth
 * second some SLOs change state, so tiles are restyled and reordered too. The board is shown at its
 * real size (320x768, a handful of tiles visible, the rest scrolled away) in the dark theme.
 *
 * <p>Needs a display, or Monocle on the class path for a headless toolkit (then this class sets the
 * Monocle system properties itself). {@code main("soak")} runs the board for real at 1 Hz for 20
 * seconds instead and reports the FX thread's CPU share and the longest gap between frames.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SloTilesBench {
    static final int TILES = 200;
    static final int SECONDS = 60;
    static final int SPARK_POINTS = 72;
    static final double WIDTH = 320;
    static final double HEIGHT = 768;

    private List<List<SloReading>> seconds;
    private volatile int second;
    private SloBoardViewModel viewModel;
    private Stage stage;
    private Scene scene;
    private WritableImage image;
    private javafx.scene.Node probe;
    private WritableImage probeImage;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        seconds = readings();
        startToolkit();
        onFx(() -> {
            // the feed is read on the FX thread here: sorting 200 precomputed readings costs microseconds
            viewModel = new SloBoardViewModel(feed(), Runnable::run, Runnable::run);
            show();
            viewModel.refresh();
            probe = scene.getRoot().lookup(".slo-board-title");
            image = new WritableImage((int) WIDTH, (int) HEIGHT);
            image = scene.snapshot(image);
            var bounds = probe.getLayoutBounds();
            probeImage = new WritableImage((int) Math.ceil(bounds.getWidth()), (int) Math.ceil(bounds.getHeight()));
        });
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        onFx(() -> stage.close());
        Platform.exit();
    }

    @Benchmark
    public void update() throws Exception {
        onFx(this::nextSecond);
    }

    @Benchmark
    public void updateAndPaint() throws Exception {
        onFx(() -> {
            nextSecond();
            scene.snapshot(image);
        });
    }

    /**
     * Hands the next second's readings to the tiles, then runs the pulse's CSS, layout and sync
     * passes. Scene's snapshot of any node does exactly those passes on dirty nodes only, as a pulse
     * would; the probe is the small board title, so its painting costs next to nothing.
     * (Parent.applyCss() would restyle all 200 tiles, which no pulse does.)
     */
    private void nextSecond() {
        second = (second + 1) % SECONDS;
        viewModel.refresh();
        probe.snapshot(null, probeImage);
    }

    private SloFeed feed() {
        return () -> seconds.get(second);
    }

    private void show() {
        Parent board = SloBoardView.load(viewModel);
        scene = new Scene(board, WIDTH, HEIGHT);
        Theme.DARK.apply(scene);
        stage = new Stage();
        stage.setScene(scene);
        stage.show();
    }

    // ---- data: 200 SLOs, 60 seconds of readings, precomputed so only the UI is measured

    static List<List<SloReading>> readings() {
        AlertPolicy policy = AlertPolicy.sreWorkbook();
        Instant start = Instant.parse("2026-11-18T02:00:00Z");
        List<List<SloReading>> out = new ArrayList<>(SECONDS);
        for (int s = 0; s < SECONDS; s++) {
            List<SloReading> now = new ArrayList<>(TILES);
            for (int i = 0; i < TILES; i++) {
                now.add(reading(policy, i, s, start.plusSeconds(s)));
            }
            out.add(List.copyOf(now));
        }
        return List.copyOf(out);
    }

    private static SloReading reading(AlertPolicy policy, int i, int s, Instant at) {
        double[] objectives = {0.99, 0.995, 0.999, 0.9995};
        Slo slo = new Slo(String.format(Locale.ROOT, "svc-%03d-availability", i), "svc-" + i,
                objectives[i % objectives.length], Duration.ofDays(30), null);
        // every tenth second a few SLOs move one step up or down the ladder
        int kind = (i + (s / 10) * (i % 7 == 0 ? 1 : 0)) % 20;
        double base = switch (kind) {
            case 0, 1 -> 18;      // Sev-1: 1h/5m over 14.4x
            case 2, 3 -> 7.5;     // Sev-2: 6h/30m over 6x
            case 4, 5, 6 -> 3.5;  // ticket
            case 7 -> Double.NaN; // no data
            default -> 0.3;       // ok
        };
        double wobble = 1 + 0.05 * Math.sin(i * 0.37 + s * 0.9);
        Decision decision = PolicyEvaluator.evaluate(slo, policy, window -> {
            if (Double.isNaN(base) && window.compareTo(Duration.ofHours(1)) <= 0) {
                return EventCounts.NO_DATA;
            }
            double burn = (Double.isNaN(base) ? 0.3 : base) * wobble
                    * (window.equals(slo.period()) ? 0.4 : window.compareTo(Duration.ofHours(6)) > 0 ? 0.5 : 1);
            return EventCounts.ofBad(burn * slo.errorBudget() * 1e6, 1e6);
        });
        List<Double> spark = new ArrayList<>(SPARK_POINTS);
        for (int p = 0; p < SPARK_POINTS; p++) {
            double t = p + s;
            spark.add(1 - slo.errorBudget() * (Double.isNaN(base) ? 0.3 : base) * (1 + 0.3 * Math.sin(t * 0.5 + i)));
        }
        SloReading r = SloReading.fresh(slo.name(), decision, slo.objective(), spark, Duration.ofHours(6), at);
        return i % 20 == 9 ? r.stale(Duration.ofSeconds(60 + s), "503 from prom") : r;
    }

    // ---- toolkit

    /** Starts JavaFX once; headless through Monocle when Monocle is on the class path. */
    static void startToolkit() throws InterruptedException {
        if (monoclePresent()) {
            setIfAbsent("glass.platform", "Monocle");
            setIfAbsent("monocle.platform", "Headless");
            setIfAbsent("prism.order", "sw");
            setIfAbsent("prism.text", "t2k");
            setIfAbsent("headless.geometry", "1920x1080-32");
            setIfAbsent("java.awt.headless", "true");
        }
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        }
        Platform.setImplicitExit(false);
        if (!started.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("JavaFX did not start in 30 s");
        }
    }

    static boolean monoclePresent() {
        try {
            Class.forName("com.sun.glass.ui.monocle.HeadlessPlatformFactory", false,
                    SloTilesBench.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** Runs {@code work} on the FX thread and waits; rethrows what it threw. */
    static void onFx(Runnable work) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Platform.runLater(() -> {
            try {
                work.run();
            } catch (Throwable t) {
                failure.set(t);
            } finally {
                done.countDown();
            }
        });
        if (!done.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("FX thread did not answer in 60 s");
        }
        if (failure.get() != null) {
            throw new IllegalStateException(failure.get());
        }
    }

    // ---- soak: the board as the app runs it, for real time

    /**
     * 200 tiles refreshed once a second through the real path (feed read on a background thread,
     * results handed over with Platform.runLater, the toolkit's own pulses doing CSS, layout and
     * paint) for {@code duration}; an AnimationTimer keeps frames coming so the longest gap between
     * two frames is the worst frame on the wall clock, and the most FX-thread CPU time spent between two
     * frames the worst frame free of other processes' load. Returns [FX CPU share %, worst frame CPU
     * ms, worst frame wall ms, frames per second, idle FX CPU share %].
     */
    static double[] soak(Duration duration) throws Exception {
        SloTilesBench bench = new SloTilesBench();
        bench.seconds = readings();
        startToolkit();
        ExecutorService background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "slo-feed");
            t.setDaemon(true);
            return t;
        });
        AtomicLong fxThreadId = new AtomicLong();
        AtomicLong lastFrame = new AtomicLong();
        AtomicLong worstGap = new AtomicLong();
        AtomicLong frameCount = new AtomicLong();
        AtomicLong lastFrameCpu = new AtomicLong();
        AtomicLong worstFrameCpu = new AtomicLong();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        AnimationTimer[] frames = new AnimationTimer[1];
        onFx(() -> {
            fxThreadId.set(Thread.currentThread().getId());
            bench.viewModel = new SloBoardViewModel(bench.feed(), background, Platform::runLater);
            bench.show();
            frames[0] = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    long previous = lastFrame.getAndSet(now);
                    long cpu = threads.getCurrentThreadCpuTime();
                    long previousCpu = lastFrameCpu.getAndSet(cpu);
                    frameCount.incrementAndGet();
                    if (previous != 0) {
                        worstGap.accumulateAndGet(now - previous, Math::max);
                        worstFrameCpu.accumulateAndGet(cpu - previousCpu, Math::max);
                    }
                }
            };
            frames[0].start();
        });
        // warm up: 10 s of updates, then measure the idle board (frames only), then the updates
        runUpdates(bench, background, Duration.ofSeconds(10));
        long idleCpu0 = threads.getThreadCpuTime(fxThreadId.get());
        long idleWall0 = System.nanoTime();
        Thread.sleep(5_000);
        double idleShare = 100.0 * (threads.getThreadCpuTime(fxThreadId.get()) - idleCpu0)
                / (System.nanoTime() - idleWall0);
        worstGap.set(0);
        lastFrame.set(0);
        frameCount.set(0);
        worstFrameCpu.set(0);
        long cpu0 = threads.getThreadCpuTime(fxThreadId.get());
        long wall0 = System.nanoTime();
        runUpdates(bench, background, duration);
        double share = 100.0 * (threads.getThreadCpuTime(fxThreadId.get()) - cpu0) / (System.nanoTime() - wall0);
        double seconds = (System.nanoTime() - wall0) / 1e9;
        onFx(() -> {
            frames[0].stop();
            bench.stage.close();
        });
        background.shutdownNow();
        return new double[] {share, worstFrameCpu.get() / 1e6, worstGap.get() / 1e6, frameCount.get() / seconds,
                idleShare};
    }

    private static void runUpdates(SloTilesBench bench, ExecutorService background, Duration duration)
            throws Exception {
        long end = System.nanoTime() + duration.toNanos();
        long next = System.nanoTime();
        while (next < end) {
            bench.second = (bench.second + 1) % SECONDS;
            onFx(bench.viewModel::refresh);
            next += TimeUnit.SECONDS.toNanos(1);
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        }
    }

    /**
     * {@code soak [seconds]} runs the real-time soak and prints its figures; anything else runs the
     * JMH benchmarks of this class (in a forked JVM with this JVM's class path).
     */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("soak")) {
            Duration duration = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 20);
            double[] r = soak(duration);
            System.out.printf(Locale.ROOT, "SLO board soak: %d tiles updated once a second for %s (%s)%n", TILES,
                    Durations.format(duration), monoclePresent() ? "Monocle headless, software pipeline" : "display");
            System.out.printf(Locale.ROOT, "  FX thread busy: %.2f%% of each second (idle board with frames: %.2f%%)%n",
                    r[0], r[4]);
            System.out.printf(Locale.ROOT, "  worst frame: %.1f ms of FX-thread CPU; %.1f ms wall (longest gap between"
                    + " two frames, %.0f frames/s)%n", r[1], r[2], r[3]);
            Platform.exit();
            return;
        }
        new Runner(new OptionsBuilder().include(SloTilesBench.class.getName()).build()).run();
    }
}
