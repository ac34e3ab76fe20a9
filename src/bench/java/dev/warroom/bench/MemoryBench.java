package dev.warroom.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Resident memory of the console with a drill running ({@link MemoryConsoleDrill}) against the bare
 * window ({@link ColdStartBareWindow}), both in fresh JVMs with the same flags as
 * {@link ColdStartBench} (the packaged launcher's {@code -Xmx512m}, headless Monocle). Both run side
 * by side; after the warm-up the harness reads {@code VmRSS} from {@code /proc/PID/status} once a
 * second and reports the median and the peak ({@code VmHWM}). Linux only.
 *
 * <pre>java -cp CLASSPATH dev.warroom.bench.MemoryBench [WARMUP_S] [SAMPLES]   (default 30 and 10)</pre>
 */
public final class MemoryBench {
    /** Target from the console issue: at most twice the bare window's resident memory. */
    static final double TARGET = 2.0;

    private MemoryBench() {
    }

    public static void main(String[] args) throws Exception {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int samples = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        System.out.println();
        System.out.println("== Resident memory, drill running vs bare window (warm-up " + warmup + " s, " + samples
                + " samples 1 s apart, " + String.join(" ", ColdStartBench.jvmFlags()) + ")");
        if (!Files.isReadable(Path.of("/proc/self/status"))) {
            System.out.println("skipped: no /proc/PID/status on this OS");
            return;
        }
        Path temp = Files.createTempDirectory("warroom-memory");
        Map<String, String> env = Map.of("WARROOM_DB", temp.resolve("store").resolve("warroom").toString());
        ColdStartBench.Child bare = ColdStartBench.Child.start(ColdStartBench.BARE, "stay", env);
        ColdStartBench.Child console = ColdStartBench.Child.start(MemoryConsoleDrill.class.getName(), "stay", env);
        try {
            bare.awaitFirstFrame(120);
            console.awaitFirstFrame(120);
            console.awaitReady(120);
            ColdStartBench.requireConsole(console);
            System.out.println("console window: " + console.title);
            TimeUnit.SECONDS.sleep(warmup);
            List<Double> bareRss = new ArrayList<>();
            List<Double> consoleRss = new ArrayList<>();
            for (int i = 0; i < samples; i++) {
                bareRss.add(statusMb(bare.process, "VmRSS"));
                consoleRss.add(statusMb(console.process, "VmRSS"));
                TimeUnit.SECONDS.sleep(1);
            }
            double bareMedian = ColdStartBench.percentile(bareRss, 50);
            double consoleMedian = ColdStartBench.percentile(consoleRss, 50);
            System.out.println(String.format(Locale.ROOT, "%-34s %14s %14s", "program", "VmRSS MiB", "VmHWM MiB"));
            System.out.println(String.format(Locale.ROOT, "%-34s %14.0f %14.0f", "bare JavaFX window", bareMedian,
                    statusMb(bare.process, "VmHWM")));
            System.out.println(String.format(Locale.ROOT, "%-34s %14.0f %14.0f", "console + provider-outage drill 60x",
                    consoleMedian, statusMb(console.process, "VmHWM")));
            System.out.println("drill at the last sample: " + console.lastLine);
            double ratio = consoleMedian / bareMedian;
            System.out.println(String.format(Locale.ROOT, "console / bare: %.2fx (target <= %.1fx: %s)", ratio, TARGET,
                    ratio <= TARGET ? "met" : "MISSED"));
        } finally {
            for (ColdStartBench.Child c : List.of(bare, console)) {
                c.process.destroy();
                c.awaitExit(15);
            }
            ColdStartBench.deleteTree(temp);
        }
    }

    /** A "kB" line of /proc/PID/status, in MiB. */
    static double statusMb(Process process, String key) throws IOException {
        if (!process.isAlive()) {
            throw new IOException("process " + process.pid() + " ended early (exit " + process.exitValue() + ")");
        }
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith(key + ":")) {
                String kb = line.substring(key.length() + 1).trim().split("\\s+")[0];
                return Long.parseLong(kb) / 1024.0;
            }
        }
        throw new IOException(key + " missing from /proc/" + process.pid() + "/status");
    }
}
