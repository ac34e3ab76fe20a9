package dev.warroom.metrics.real;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code /usr/bin/promtool} for tests: backfilling a TSDB before a Prometheus starts on it, checking rule files. */
final class Promtool {
    static final String BINARY = "/usr/bin/promtool";
    private static final long TIMEOUT_SECONDS = 120;

    private Promtool() {
    }

    /**
     * Turns an OpenMetrics file (timestamps in seconds, ending with {@code # EOF}) into TSDB blocks
     * under {@code tsdbDir}; start a {@link PrometheusProcess} with {@code tsdb(tsdbDir)} afterwards
     * (and a retention long enough to keep the history). Returns promtool's output.
     */
    static String backfillOpenMetrics(Path openMetrics, Path tsdbDir) throws IOException {
        Files.createDirectories(tsdbDir);
        return run(List.of("tsdb", "create-blocks-from", "openmetrics", openMetrics.toString(), tsdbDir.toString()),
                tsdbDir.getParent());
    }

    /** {@code promtool check rules FILE}: fails naming promtool's complaint. */
    static String checkRules(Path rules) throws IOException {
        return run(List.of("check", "rules", rules.toString()), rules.getParent());
    }

    /** {@code promtool check config FILE}, which also checks the rule files it names. */
    static String checkConfig(Path config) throws IOException {
        return run(List.of("check", "config", config.toString()), config.getParent());
    }

    private static String run(List<String> args, Path workDir) throws IOException {
        Path binary = ServerProcess.binary(BINARY, "prometheus");
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(args);
        Path out = Files.createTempFile(workDir, "promtool", ".out");
        Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile()).start();
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running promtool", e);
        }
        String output = Files.readString(out);
        if (p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " exited " + p.exitValue() + ":\n" + output);
        }
        return output;
    }
}
