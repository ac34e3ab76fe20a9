package dev.warroom.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Cold start to the first rendered frame: the console ({@code dev.warroom.app.Launcher} with no
 * arguments, as {@code java -jar warroom.jar} starts it) against a bare JavaFX window
 * ({@link ColdStartBareWindow}), each in a fresh JVM with the same flags and class path, headless
 * Monocle with the software pipeline. Time runs from just before the harness starts the process to
 * the first frame {@link ColdStartProbe} sees. Runs alternate between the two so machine noise
 * falls on both; one warm-up run of each is discarded (it fills the OS file cache and creates the
 * console's store, which stays for the measured runs as a user's store does).
 *
 * <pre>java -cp CLASSPATH dev.warroom.bench.ColdStartBench [RUNS]   (default 10 of each)</pre>
 */
public final class ColdStartBench {
    static final String CONSOLE = "dev.warroom.app.Launcher";
    static final String BARE = ColdStartBareWindow.class.getName();
    /** Headless JavaFX as the UI tests run it (shared/reference/stack.md). */
    static final List<String> HEADLESS = List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
            "-Dprism.order=sw", "-Dprism.text=t2k", "-Djava.awt.headless=true", "-Dheadless.geometry=1920x1080-32");
    /** Target from the console issue: the console starts within 1.5x of a bare window. */
    static final double TARGET = 1.5;
    private static String lastConsoleTitle = "";

    private ColdStartBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path temp = Files.createTempDirectory("warroom-cold-start");
        Map<String, String> env = Map.of("WARROOM_DB", temp.resolve("store").resolve("warroom").toString());
        System.out.println();
        System.out.println("== Cold start to first frame (" + runs + " runs each, fresh JVM per run, "
                + String.join(" ", jvmFlags()) + ")");

        // warm-up: not measured
        firstFrame(BARE, env);
        firstFrame(CONSOLE, env);
        System.out.println("console window: " + lastConsoleTitle);
        List<Start> bare = new ArrayList<>();
        List<Start> console = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            boolean bareFirst = i % 2 == 0;
            for (String main : bareFirst ? List.of(BARE, CONSOLE) : List.of(CONSOLE, BARE)) {
                (main.equals(BARE) ? bare : console).add(firstFrame(main, env));
            }
        }
        List<Double> bareFrames = bare.stream().map(Start::firstFrameMs).toList();
        List<Double> consoleFrames = console.stream().map(Start::firstFrameMs).toList();
        System.out.println(String.format(Locale.ROOT, "%-34s %9s %9s %9s | %-30s | %s", "program (ms from process start)",
                "median", "p90", "min", "medians: JVM / toolkit / shown", "CPU ms median / p90"));
        row("bare JavaFX window", bare);
        row("console (Launcher, no arguments)", console);
        double ratio = percentile(consoleFrames, 50) / percentile(bareFrames, 50);
        System.out.println(String.format(Locale.ROOT, "console / bare: median %.2fx, p90 %.2fx (target <= %.1fx: %s)",
                ratio, percentile(consoleFrames, 90) / percentile(bareFrames, 90), TARGET,
                ratio <= TARGET ? "met" : "MISSED"));
        System.out.println(String.format(Locale.ROOT, "CPU time to first frame, console / bare: median %.2fx",
                percentile(console.stream().map(Start::cpuMs).toList(), 50)
                        / percentile(bare.stream().map(Start::cpuMs).toList(), 50)));
        List<Double> consoleReady = console.stream().map(Start::readyMs).toList();
        System.out.println(String.format(Locale.ROOT,
                "console usable (store open, incidents shown; first frame after the start-up frame): median %.0f ms, "
                        + "p90 %.0f ms, %.2fx the bare window; CPU %.0f ms",
                percentile(consoleReady, 50), percentile(consoleReady, 90),
                percentile(consoleReady, 50) / percentile(bareFrames, 50),
                percentile(console.stream().map(Start::readyCpuMs).toList(), 50)));
        System.out.println("samples bare ms:            " + rounded(bareFrames));
        System.out.println("samples console ms:         " + rounded(consoleFrames));
        System.out.println("samples console usable ms:  " + rounded(consoleReady));
        deleteTree(temp);
    }

    private static void row(String name, List<Start> starts) {
        List<Double> frames = starts.stream().map(Start::firstFrameMs).toList();
        List<Double> cpu = starts.stream().map(Start::cpuMs).toList();
        System.out.println(String.format(Locale.ROOT, "%-34s %9.0f %9.0f %9.0f | %-30s | %.0f / %.0f", name,
                percentile(frames, 50), percentile(frames, 90),
                frames.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                String.format(Locale.ROOT, "%.0f / %.0f / %.0f",
                        percentile(starts.stream().map(Start::jvmStartMs).toList(), 50),
                        percentile(starts.stream().map(Start::toolkitMs).toList(), 50),
                        percentile(starts.stream().map(Start::shownMs).toList(), 50)),
                percentile(cpu, 50), percentile(cpu, 90)));
    }

    /**
     * One run, in ms from process start: JVM start, JavaFX toolkit running, window shown, first frame,
     * and the first frame of the usable console (the same as the first frame for the bare window).
     */
    record Start(double jvmStartMs, double toolkitMs, double shownMs, double firstFrameMs, double cpuMs,
                 double readyMs, double readyCpuMs) {
    }

    static Start firstFrame(String main, Map<String, String> env) throws IOException, InterruptedException {
        long startMicros = ColdStartProbe.micros();
        Child child = Child.start(main, "exit", env);
        long[] frame = child.awaitFirstFrame(120);
        long[] ready = child.awaitReady(120);
        requireConsole(child);
        if (!main.equals(BARE)) {
            lastConsoleTitle = child.firstTitle + "  ->  " + child.title;
        }
        child.awaitExit(30);
        return new Start(frame[1] - startMicros / 1000.0, (frame[2] - startMicros) / 1000.0,
                (frame[3] - startMicros) / 1000.0, (frame[0] - startMicros) / 1000.0, frame[4] / 1e6,
                (ready[0] - startMicros) / 1000.0, ready[1] / 1e6);
    }

    /** A console that could not open its store shows a small error window instead: not a fair start. */
    static void requireConsole(Child child) throws IOException {
        if (!child.main.equals(BARE) && (!child.title.startsWith("Warroom") || child.title.contains("cannot open"))) {
            throw new IOException(child.main + " did not open the console: its window is '" + child.title + "'");
        }
    }

    /** The packaged launcher's options (packaging/jvm-options) and the headless toolkit. */
    static List<String> jvmFlags() throws IOException {
        List<String> flags = new ArrayList<>();
        Path options = Path.of("packaging", "jvm-options");
        if (Files.isRegularFile(options)) {
            for (String line : Files.readAllLines(options)) {
                String option = line.strip();
                if (!option.isEmpty() && !option.startsWith("#")) {
                    flags.add(option);
                }
            }
        }
        flags.addAll(HEADLESS);
        return flags;
    }

    /** A fresh JVM running {@code main} under {@link ColdStartProbe}. */
    static final class Child {
        final Process process;
        final BufferedReader out;
        final CompletableFuture<String> err;
        final String main;
        /** The title of the window once ready (the console's, or the store error's). */
        volatile String title = "";
        /** The title at the first frame (the console's says it is opening the store). */
        volatile String firstTitle = "";
        private final CompletableFuture<long[]> firstFrame = new CompletableFuture<>();
        private final CompletableFuture<long[]> ready = new CompletableFuture<>();
        private CompletableFuture<Void> reader;
        /** The last line the child printed after its first frame. */
        volatile String lastLine = "";

        private Child(String main, Process process) {
            this.main = main;
            this.process = process;
            this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            this.err = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    return e.toString();
                }
            });
        }

        static Child start(String main, String mode, Map<String, String> env) throws IOException {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmFlags());
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), ColdStartProbe.class.getName(), mode,
                    main));
            ProcessBuilder pb = new ProcessBuilder(command);
            pb.environment().putAll(env);
            return new Child(main, pb.start());
        }

        /** {epoch µs of the first frame, epoch ms of the JVM start, epoch µs toolkit up, epoch µs shown, CPU ns}. */
        long[] awaitFirstFrame(int timeoutSeconds) throws IOException {
            readLines();
            try {
                long[] result = firstFrame.get(timeoutSeconds, TimeUnit.SECONDS);
                if (result != null) {
                    return result;
                }
            } catch (Exception e) {
                // reported below
            }
            process.destroyForcibly();
            throw new IOException(main + " showed no frame within " + timeoutSeconds + " s; its stderr:\n"
                    + err.getNow(""));
        }

        /** {epoch µs of the first frame of the usable console (after the start-up frame), CPU ns}. */
        long[] awaitReady(int timeoutSeconds) throws IOException {
            readLines();
            try {
                long[] result = ready.get(timeoutSeconds, TimeUnit.SECONDS);
                if (result != null) {
                    return result;
                }
            } catch (Exception e) {
                // reported below
            }
            process.destroyForcibly();
            throw new IOException(main + " was not ready within " + timeoutSeconds + " s; its stderr:\n"
                    + err.getNow(""));
        }

        /** One reader for the child's whole output, so the child never blocks on a full pipe. */
        private synchronized void readLines() {
            if (reader != null) {
                return;
            }
            reader = CompletableFuture.runAsync(() -> {
                try {
                    String line;
                    while ((line = out.readLine()) != null) {
                        lastLine = line;
                        String[] f = line.split(" ");
                        int t = line.indexOf(" TITLE ");
                        String lineTitle = t < 0 ? "" : line.substring(t + " TITLE ".length());
                        if (line.startsWith("FIRST_FRAME ")) {
                            firstTitle = lineTitle;
                            firstFrame.complete(new long[] {Long.parseLong(f[1]), Long.parseLong(f[3]),
                                Long.parseLong(f[5]), Long.parseLong(f[7]), Long.parseLong(f[9])});
                        } else if (line.startsWith("READY ")) {
                            title = lineTitle;
                            ready.complete(new long[] {Long.parseLong(f[1]), Long.parseLong(f[3])});
                        }
                    }
                } catch (IOException ignored) {
                    // the child ended
                }
                firstFrame.complete(null);
                ready.complete(null);
            });
        }

        void awaitExit(int timeoutSeconds) throws InterruptedException {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** Nearest-rank percentile. */
    static double percentile(List<Double> values, double p) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static String rounded(List<Double> values) {
        return Arrays.toString(values.stream().mapToLong(Math::round).toArray());
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
