package dev.warroom.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.drill.ScenarioLibrary;
import dev.warroom.regress.CaseFile;
import dev.warroom.runbook.BundledFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegressCommandTest {

    private static String bundled(String id) {
        return BundledFiles.list(CaseFile.BUNDLED, ".json").stream().filter(e -> e.name().endsWith("/" + id + ".json"))
                .findFirst().orElseThrow().text();
    }

    @Test
    void regress_passesEveryBundledCase_oneLineEach() {
        CommandLineTest.Result r = CommandLineTest.run("regress");
        assertEquals(0, r.exit(), r.out() + r.err());
        int scenarios = ScenarioLibrary.bundled().all().size();
        List<String> lines = r.out().lines().filter(l -> l.startsWith("PASS ")).toList();
        assertEquals(scenarios, lines.size(), r.out());
        assertTrue(lines.stream().allMatch(l -> l.contains("tier ok") && l.contains("triage ok")
                && l.contains("recovery ok")), r.out());
        assertTrue(r.out().contains(scenarios + " of " + scenarios + " cases passed"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void regress_aTamperedCase_exits1NamingTheCaseAndTheExpectation(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("provider-outage.json"),
                bundled("provider-outage").replace("\"severity\" : \"sev1\"", "\"severity\" : \"sev2\""));
        Files.writeString(dir.resolve("cost-spike.json"), bundled("cost-spike"));
        CommandLineTest.Result r = CommandLineTest.run("regress", dir.toString());
        assertEquals(1, r.exit(), r.out());
        assertTrue(r.out().contains("PASS cost-spike: "), r.out());
        assertTrue(r.out().contains("FAIL provider-outage: tier BROKEN, expected sev2 page, raised sev1 page"), r.out());
        assertEquals(List.of("warroom: regression case provider-outage (" + dir.resolve("provider-outage.json")
                + ") broke: tier: expected sev2 page, raised sev1 page"), r.err().lines().toList());
    }

    @Test
    void regress_aBrokenFile_isReportedWithItsLine_andTheOthersStillRun(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("broken.json"), "{\n  \"id\": \"broken\",\n  \"seed\": eleven\n}\n");
        Files.writeString(dir.resolve("cost-spike.json"), bundled("cost-spike"));
        CommandLineTest.Result r = CommandLineTest.run("regress", dir.toString());
        assertEquals(1, r.exit(), r.out());
        assertTrue(r.out().contains("FAIL broken: format BROKEN, " + dir.resolve("broken.json") + ":3: not valid JSON"),
                r.out());
        assertTrue(r.out().contains("PASS cost-spike"), r.out());
        assertTrue(r.out().contains("1 of 2 cases passed"), r.out());
    }

    @Test
    void drillsRegressionCase_isWhatRegressReads(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        CommandLineTest.Result drill = CommandLineTest.run("drill", "--scenario", "cost-spike", "--auto", "--seed", "9",
                "--out", out.toString(), "--db", tmp.resolve("store/warroom").toString(), "--start", "2026-11-18T02:00:00Z");
        assertEquals(0, drill.exit(), drill.err());
        Path cases = Files.createDirectories(tmp.resolve("cases"));
        Files.copy(out.resolve("regression-case.json"), cases.resolve("inc-0001.json"));
        CommandLineTest.Result r = CommandLineTest.run("regress", cases.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().startsWith("PASS cost-spike-inc-0001: "), r.out());
    }

    @Test
    void regress_emptyOrMissingFolder(@TempDir Path dir) {
        CommandLineTest.Result empty = CommandLineTest.run("regress", dir.toString());
        assertEquals(1, empty.exit());
        assertEquals("warroom: no regression cases (*.json) in " + dir, empty.err().strip());
        CommandLineTest.Result missing = CommandLineTest.run("regress", dir.resolve("nope").toString());
        assertEquals(2, missing.exit());
        assertEquals(1, missing.err().lines().count(), missing.err());
    }
}
