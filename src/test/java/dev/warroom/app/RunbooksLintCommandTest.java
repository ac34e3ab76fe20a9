package dev.warroom.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.runbook.BundledFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunbooksLintCommandTest {

    record Result(int exit, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = WarroomCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    private static Path copyOfBundled(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("drills"));
        for (BundledFiles.Entry e : BundledFiles.list("runbooks", ".md")) {
            Files.writeString(dir.resolve(Path.of(e.name()).getFileName()), e.text());
        }
        for (BundledFiles.Entry e : BundledFiles.list("runbooks/drills", ".yaml", ".yml")) {
            Files.writeString(dir.resolve("drills").resolve(Path.of(e.name()).getFileName()), e.text());
        }
        return dir;
    }

    private static long bundledRunbooks() {
        return BundledFiles.list("runbooks", ".md").stream().filter(e -> !e.name().endsWith("README.md")).count();
    }

    @Test
    void lint_withoutDir_checksTheBundledLibraryAndExitsZero() {
        Result r = run("runbooks", "lint");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().strip().matches("\\d+ runbooks, \\d+ scenarios: 0 errors"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void lint_cleanFolder_printsOnlyTheSummary(@TempDir Path tmp) throws IOException {
        Path dir = copyOfBundled(tmp.resolve("runbooks"));
        Result r = run("runbooks", "lint", dir.toString());
        assertEquals(0, r.exit(), r.out());
        assertEquals(List.of(run("runbooks", "lint").out().strip()), r.out().lines().toList());
    }

    @Test
    void lint_brokenFolder_printsFileLineMessagesAndExitsOne(@TempDir Path tmp) throws IOException {
        Path dir = copyOfBundled(tmp.resolve("runbooks"));
        Path disk = dir.resolve("disk-full.md");
        Files.writeString(disk, Files.readString(disk).replace("\nsymptoms:", "\nsymptom:"));
        Files.write(dir.resolve("notes.md"), new byte[] {'a', 0, 'b'});

        Result r = run("runbooks", "lint", dir.toString());

        assertEquals(1, r.exit(), r.out());
        List<String> lines = r.out().lines().toList();
        assertEquals(List.of(
                disk + ":2: front matter needs 'symptoms:' (phrases a responder would say or see)",
                disk + ":6: unknown field 'symptom' (did you mean 'symptoms'?); known fields: id, title, services,"
                        + " severity, symptoms, alerts, owners, side_effects",
                dir.resolve("notes.md") + ":1: not a text file (NUL byte)",
                (bundledRunbooks() + 1) + " runbooks, " + BundledFiles.list("runbooks/drills", ".yaml", ".yml").size()
                        + " scenarios: 3 errors"), lines);
    }

    @Test
    void lint_warningsDoNotFail_andCanBeHidden(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("kafka.md"), """
                ---
                id: kafka-rebalance-storm
                title: Kafka consumer group rebalance storm
                symptoms: [consumers keep rebalancing]
                ---

                ## Steps

                1. **Check the group.** `kafka-consumer-groups --describe --group orders`
                """);
        Result r = run("runbooks", "lint", dir.toString());
        assertEquals(0, r.exit(), r.out());
        assertEquals(List.of(dir.resolve("kafka.md") + ":9: warning: step 1 has no 'expect:' (what should change when it works)",
                "1 runbook, 0 scenarios: 0 errors, 1 warning"), r.out().lines().toList());

        Result quiet = run("runbooks", "lint", "--no-warnings", dir.toString());
        assertEquals(0, quiet.exit());
        assertEquals(List.of("1 runbook, 0 scenarios: 0 errors, 1 warning"), quiet.out().lines().toList());
    }

    @Test
    void lint_missingFolder_isABadArgument(@TempDir Path tmp) {
        Path missing = tmp.resolve("nope");
        Result r = run("runbooks", "lint", missing.toString());
        assertEquals(2, r.exit());
        assertEquals("warroom: not a folder: " + missing + " (see 'warroom runbooks lint --help')", r.err().strip());
        assertEquals("", r.out());
    }
}
