package dev.warroom.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar, run the way the README says: {@code java -jar target/warroom.jar ...}. Runs in
 * {@code mvn verify} after the shade plugin built the jar.
 */
class JarSmokeIT {
    private static final Path JAR = Path.of(System.getProperty("warroom.jar", "target/warroom.jar"));

    record Run(int exit, String out, String err) {
    }

    private static Run jar(Path workDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(workDir, "out", ".txt");
        Path err = Files.createTempFile(workDir, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("WARROOM_DB", workDir.resolve("default-store/warroom").toString());
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "jar did not finish: " + command);
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void autoDrill_fromTheJar_writesTheThreeFilesAndExitsZero(@TempDir Path dir) throws Exception {
        Run r = jar(dir, "drill", "--scenario", "provider-outage", "--auto", "--out", "D");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertEquals("", r.err(), "a clean run prints nothing on stderr");
        assertTrue(r.out().contains("recovered"), r.out());

        JsonNode timeline = new ObjectMapper().readTree(dir.resolve("D/timeline.json").toFile());
        List<String> types = new ArrayList<>();
        List<Double> slis = new ArrayList<>();
        for (JsonNode e : timeline) {
            types.add(e.get("type").asText());
            if (e.get("type").asText().equals("sli_observed")) {
                slis.add(e.get("sli").asDouble());
            }
        }
        for (String t : List.of("paged", "escalated", "acknowledged", "runbook_started", "step_acked", "resolved")) {
            assertTrue(types.contains(t), t + " missing: " + types);
        }
        assertTrue(slis.stream().anyMatch(v -> Math.abs(v - 0.85) < 0.02), "a reading near 85%: " + slis);
        assertTrue(slis.stream().anyMatch(v -> Math.abs(v - 0.95) < 0.015), "a reading near 95%: " + slis);
        assertTrue(slis.get(slis.size() - 1) >= 0.999, "ends above the objective: " + slis);
        assertTrue(Files.size(dir.resolve("D/postmortem.md")) > 0);
        assertTrue(Files.size(dir.resolve("D/regression-case.json")) > 0);
        assertTrue(Files.exists(dir.resolve("default-store/warroom.mv.db")), "the drill used the default store");
    }

    @Test
    void listPolicyHelpAndBadArguments_fromTheJar(@TempDir Path dir) throws Exception {
        Run list = jar(dir, "drill", "--list");
        assertEquals(0, list.exit());
        assertTrue(list.out().lines().count() >= 7, list.out());

        Run policy = jar(dir, "slo", "policy", "--period", "28d", "--objective", "0.999");
        assertEquals(0, policy.exit());
        for (String factor : List.of("13.44", "5.6", "2.8", "0.933")) {
            assertTrue(policy.out().contains(" " + factor + " "), factor + " missing:\n" + policy.out());
        }

        for (String command : List.of("slo", "drill", "mock", "incidents")) {
            Run help = jar(dir, command, "--help");
            assertEquals(0, help.exit(), command);
            assertTrue(help.out().startsWith("Usage: warroom " + command), help.out());
        }

        Run bad = jar(dir, "drill", "--speed", "fast");
        assertEquals(2, bad.exit());
        assertEquals(1, bad.err().lines().count(), bad.err());
    }
}
