package dev.warroom.runbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunbookLintTest {

    /** Writes the bundled runbooks and drills into {@code dir}, as a user's runbook repository would hold them. */
    static Path copyOfBundled(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("drills"));
        for (BundledFiles.Entry e : BundledFiles.list("runbooks", ".md")) {
            Files.writeString(dir.resolve(Path.of(e.name()).getFileName()), e.text());
        }
        for (BundledFiles.Entry e : BundledFiles.list("runbooks/drills", ".yaml", ".yml")) {
            Files.writeString(dir.resolve("drills").resolve(Path.of(e.name()).getFileName()), e.text());
        }
        return dir;
    }

    /** The report's lines with {@code dir/} dropped wherever it appears, so expectations read like the files. */
    private static List<String> lines(RunbookLint.Report report, Path dir) {
        return report.problems().stream().map(LintProblem::format).map(l -> l.replace(dir + "/", "")).toList();
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains(from), file + " has no '" + from + "'");
        Files.writeString(file, text.replace(from, to));
    }

    @Test
    void bundled_hasNoErrors() {
        RunbookLint.Report report = RunbookLint.bundled();
        assertEquals(List.of(), report.problems().stream().map(LintProblem::format).toList());
        assertTrue(report.runbooks() >= 20, report.summary());
        assertTrue(report.scenarios() >= 7, report.summary());
        assertTrue(report.summary().matches("\\d+ runbooks, \\d+ scenarios: 0 errors"), report.summary());
    }

    @Test
    void folder_copyOfTheBundledLibrary_isClean(@TempDir Path tmp) throws IOException {
        Path dir = copyOfBundled(tmp.resolve("runbooks"));
        RunbookLint.Report report = RunbookLint.folder(dir);
        assertEquals(List.of(), lines(report, dir));
        assertEquals(RunbookLint.bundled().summary(), report.summary());
    }

    @Test
    void folder_brokenCopy_reportsEveryProblemWithFileAndLine(@TempDir Path tmp) throws IOException {
        Path dir = copyOfBundled(tmp.resolve("runbooks"));
        edit(dir.resolve("disk-full.md"), "\nsymptoms:", "\nsymptom:");
        edit(dir.resolve("gpu-oom.md"), "id: gpu-oom", "id: disk-full");
        edit(dir.resolve("provider-outage.md"), "verify: sli >= 0.82", "verify: sli >= 82");
        edit(dir.resolve("provider-outage.md"), "mitigation: raise-fallback-quota", "mitigation: raise-fallback-quotas");
        edit(dir.resolve("provider-outage.md"), "   - reversible: yes\n   - expect: error ratio falls",
                "   - reversible: perhaps\n   - expect: error ratio falls");
        edit(dir.resolve("drills/vector-store-full.yaml"), "runbook: vector-store-full", "runbook: vector-store-ful");
        Files.writeString(dir.resolve("drills/broken.yaml"), "id: [unclosed\n");
        Files.writeString(dir.resolve("README.md"), "# Our runbooks\n\nNot a runbook, never linted.\n");

        RunbookLint.Report report = RunbookLint.folder(dir);

        List<String> lines = lines(report, dir);
        List<String> expected = List.of(
                "disk-full.md:2: front matter needs 'symptoms:' (phrases a responder would say or see)",
                "disk-full.md:6: unknown field 'symptom' (did you mean 'symptoms'?); known fields: id, title, services,"
                        + " severity, symptoms, alerts, owners, side_effects",
                "gpu-oom.md:2: id 'disk-full' is already used by disk-full.md",
                "provider-outage.md:45: step 2: verify 'sli >= 82': sli is a fraction between 0 and 1, not 82",
                "provider-outage.md:47: step 2: reversible must be yes or no, not 'perhaps'",
                "provider-outage.md:55: step 3: mitigation 'raise-fallback-quotas' is not defined by"
                        + " drills/provider-outage.yaml (did you mean 'raise-fallback-quota'?); it defines:"
                        + " fail-over-provider, raise-fallback-quota, enable-model-alias-map, shed-low-priority",
                "vector-store-full.md:41: step 2: mitigation 'pause-reembed-backfill' needs a drill scenario in drills"
                        + " with 'runbook: vector-store-full'");
        for (String line : expected) {
            assertTrue(lines.contains(line), "missing: " + line + "\nin:\n" + String.join("\n", lines));
        }
        List<String> scenarioLines = lines.stream().filter(l -> l.startsWith("drills/")).toList();
        assertEquals(2, scenarioLines.size(), String.join("\n", lines));
        assertTrue(scenarioLines.get(0).startsWith("drills/broken.yaml:2: "), scenarioLines.get(0));
        assertTrue(scenarioLines.get(0).contains("not valid YAML"), scenarioLines.get(0));
        assertTrue(scenarioLines.get(1).matches("drills/vector-store-full\\.yaml:\\d+: runbook 'vector-store-ful' does not"
                + " exist \\(did you mean 'vector-store-full'\\?\\)"), scenarioLines.get(1));
        assertEquals(lines.stream().sorted(RunbookLintTest::byFileThenLine).toList(), lines, "ordered by file, then line");
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("README.md")), String.join("\n", lines));
        assertEquals(report.errors(), lines.size());
        RunbookLint.Report bundled = RunbookLint.bundled();
        assertEquals(bundled.runbooks() + " runbooks, " + (bundled.scenarios() + 1) + " scenarios: " + lines.size() + " errors",
                report.summary());
    }

    /** Runbooks (top level) before drills, then by name, then by line number. */
    private static int byFileThenLine(String a, String b) {
        String[] x = a.split(":", 3);
        String[] y = b.split(":", 3);
        int c = Boolean.compare(x[0].startsWith("drills/"), y[0].startsWith("drills/"));
        c = c != 0 ? c : x[0].compareTo(y[0]);
        return c != 0 ? c : Integer.compare(Integer.parseInt(x[1]), Integer.parseInt(y[1]));
    }

    @Test
    void folder_stepWithoutExpect_isAWarningOnly(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("kafka.md"), RunbookHardeningTest.GOOD + "2. **Restart the stuck consumer.**\n");
        RunbookLint.Report report = RunbookLint.folder(dir);
        assertEquals(List.of("kafka.md:11: warning: step 2 has no 'expect:' (what should change when it works)"),
                lines(report, dir));
        assertEquals(0, report.errors());
        assertEquals("1 runbook, 0 scenarios: 0 errors, 1 warning", report.summary());
    }

    @Test
    void folder_hostileFiles_areEachOneErrorAndTheRestIsChecked(@TempDir Path tmp) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("runbooks"));
        Files.writeString(dir.resolve("good.md"), RunbookHardeningTest.GOOD);
        Files.writeString(dir.resolve("bomb.md"), RunbookHardeningTest.narrowDeepBomb());
        Files.write(dir.resolve("binary.md"), new byte[] {(byte) 0xC3, 0x28});
        Files.createSymbolicLink(dir.resolve("passwd.md"), Path.of("/etc/passwd"));
        Files.createSymbolicLink(dir.resolve("same.md"), Path.of("good.md"));
        Files.createDirectories(dir.resolve("drills"));
        Files.writeString(dir.resolve("drills/bomb.yaml"), "a0: &a0 [x, x]\n"
                + "a1: &a1 [*a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0]\n"
                + "a2: &a2 [*a1, *a1, *a1, *a1, *a1, *a1, *a1, *a1, *a1, *a1]\n"
                + "a3: &a3 [*a2, *a2, *a2, *a2, *a2, *a2, *a2, *a2, *a2, *a2]\n"
                + "a4: &a4 [*a3, *a3, *a3, *a3, *a3, *a3, *a3, *a3, *a3, *a3]\n");

        RunbookLint.Report report = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> RunbookLint.folder(dir));

        assertEquals(List.of(
                "binary.md:1: not a text file (invalid UTF-8)",
                "bomb.md:16: front matter expands through aliases to more than 10000 values; refused as a YAML bomb",
                "passwd.md:1: symlink points outside the runbook folder: passwd.md -> /etc/passwd; copy the file into "
                        + dir + " instead",
                "same.md:1: warning: symlink to good.md, which is checked under its own name",
                "drills/bomb.yaml:5: scenario expands through aliases to more than 10000 values; refused as a YAML bomb"),
                lines(report, dir));
        assertEquals("4 runbooks, 1 scenario: 4 errors, 1 warning", report.summary());
    }
}
