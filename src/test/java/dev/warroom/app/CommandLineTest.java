package dev.warroom.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CommandLineTest {

    record Result(int exit, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = WarroomCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void sloPolicy_28d_printsTheWorkbookFactors() {
        Result r = run("slo", "policy", "--period", "28d", "--objective", "0.999");
        assertEquals(0, r.exit(), r.err());
        List<String> rows = r.out().lines().filter(l -> l.startsWith("Sev-")).toList();
        assertEquals(4, rows.size(), r.out());
        assertTrue(rows.get(0).matches("Sev-1\\s+page\\s+1h\\s+5m\\s+2%\\s+13\\.44\\s+0\\.01344"), rows.get(0));
        assertTrue(rows.get(1).matches("Sev-2\\s+page\\s+6h\\s+30m\\s+5%\\s+5\\.6\\s+0\\.0056"), rows.get(1));
        assertTrue(rows.get(2).matches("Sev-3\\s+ticket\\s+1d\\s+2h\\s+10%\\s+2\\.8\\s+0\\.0028"), rows.get(2));
        assertTrue(rows.get(3).matches("Sev-3\\s+ticket\\s+3d\\s+6h\\s+10%\\s+0\\.933\\s+0\\.00093333"), rows.get(3));
    }

    @Test
    void sloPolicy_json_carriesEveryPairWithExactFactors() throws Exception {
        Result r = run("slo", "policy", "--objective", "0.999", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode pairs = new ObjectMapper().readTree(r.out());
        assertEquals(4, pairs.size());
        assertEquals("sev1", pairs.get(0).get("severity").asText());
        assertEquals("1h", pairs.get(0).get("long_window").asText());
        assertEquals(14.4, pairs.get(0).get("factor").asDouble(), 1e-9);
        assertEquals(6.0, pairs.get(1).get("factor").asDouble(), 1e-9);
        assertEquals(3.0, pairs.get(2).get("factor").asDouble(), 1e-9);
        assertEquals(1.0, pairs.get(3).get("factor").asDouble(), 1e-9);
        assertEquals(0.0144, pairs.get(0).get("error_ratio_threshold").asDouble(), 1e-12);
    }

    @Test
    void sloPolicy_fromATeamFile_andItsMistakesAsOneLine(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("alert-policy.yaml");
        Files.writeString(file, "pairs:\n  - {severity: sev2, action: page, long_window: 2h, short_window: 10m, budget_percent: 4}\n");
        Result r = run("slo", "policy", "--objective", "0.99", "--policy", file.toString());
        assertEquals(0, r.exit(), r.err());
        List<String> rows = r.out().lines().filter(l -> l.startsWith("Sev-")).toList();
        assertEquals(1, rows.size(), r.out());
        assertTrue(rows.get(0).matches("Sev-2\\s+page\\s+2h\\s+10m\\s+4%\\s+14\\.4\\s+0\\.144"), rows.get(0));

        Files.writeString(file, "pairs:\n  - {severity: sev7, action: page, long_window: 2h, short_window: 10m, budget_percent: 4}\n");
        Result bad = run("slo", "policy", "--objective", "0.99", "--policy", file.toString());
        assertEquals(1, bad.exit());
        assertEquals("warroom: " + file + ":2: pairs[0].severity: unknown severity 'sev7' (expected sev0, sev1, sev2 or sev3)",
                bad.err().strip());
    }

    @Test
    void incidentTimeline_printsTheStoredEventsAsJson(@TempDir Path tmp) throws Exception {
        String db = tmp.resolve("warroom").toString();
        assertEquals(0, run("drill", "--scenario", "provider-outage", "--auto", "--seed", "3", "--db", db,
                "--out", tmp.resolve("out").toString()).exit());
        Result r = run("incidents", "inc-0001", "--db", db);
        assertEquals(0, r.exit(), r.err());
        assertEquals(Files.readString(tmp.resolve("out/timeline.json")), r.out(), "the store holds what the drill exported");
        Result missing = run("incidents", "INC-0042", "--db", db);
        assertEquals(1, missing.exit());
        assertEquals("warroom: no incident INC-0042", missing.err().strip());
    }

    @Test
    void drillList_showsEveryScenarioOnOneLine() {
        Result r = run("drill", "--list");
        assertEquals(0, r.exit());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.size() >= 7, r.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("provider-outage") && l.contains("Sev-1")), r.out());
        assertEquals("", r.err());
    }

    static Stream<List<String>> badArguments() {
        return Stream.of(
                List.of("slo", "policy", "--objective", "1.5"),
                List.of("slo", "policy", "--objective", "0.999", "--period", "soon"),
                List.of("slo", "policy"),
                List.of("drill", "--scenario", "provider-outage", "--auto", "--ack-after", "later"),
                List.of("drill", "--scenario", "provider-outage", "--auto", "--speed", "-1"),
                List.of("drill", "--scenario", "provider-outage"),
                List.of("drill", "--bogus"),
                List.of("mock", "--scenario", "provider-outage"),
                List.of("nonsense"));
    }

    @ParameterizedTest
    @MethodSource("badArguments")
    void badArguments_giveOneLineAndExitCode2(List<String> args) {
        Result r = run(args.toArray(String[]::new));
        assertEquals(2, r.exit(), args + " -> " + r.err());
        assertEquals(1, r.err().lines().count(), "one line, not a usage dump: " + r.err());
        assertTrue(r.err().startsWith("warroom: "), r.err());
    }

    static Stream<List<String>> helps() {
        return Stream.of(List.of("--help"), List.of("slo", "--help"), List.of("slo", "policy", "--help"),
                List.of("drill", "--help"), List.of("mock", "--help"), List.of("incidents", "--help"),
                List.of("help", "drill"));
    }

    @ParameterizedTest
    @MethodSource("helps")
    void everyCommand_hasHelp(List<String> args) {
        Result r = run(args.toArray(String[]::new));
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("Usage: warroom"), r.out());
    }

    @Test
    void autoDrill_usesTheEscalationLadderBesideTheStore(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("escalation.yaml"), """
                name: payments
                delay: 3m
                levels:
                  - {name: L1, role: primary, person: noor, contact: noor@payments.example}
                  - {name: L2, role: secondary, person: kai, contact: kai@payments.example}
                """);
        Result r = run("drill", "--scenario", "provider-outage", "--auto", "--seed", "2", "--ack-after", "4m",
                "--out", tmp.resolve("out").toString(), "--db", tmp.resolve("warroom").toString());
        assertEquals(0, r.exit(), r.err());
        String timeline = Files.readString(tmp.resolve("out/timeline.json"));
        assertTrue(timeline.contains("\"target\" : \"noor\"") && timeline.contains("\"by\" : \"kai\""),
                "L1 noor paged, 3m later L2 kai, who acks at 4m:\n" + timeline);
    }

    @Test
    void badEscalationFile_isAnErrorNamingTheFile(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("escalation.yaml"), "levels:\n  - {name: L1, delay: soon}\n");
        Result r = run("drill", "--scenario", "provider-outage", "--auto", "--db", tmp.resolve("warroom").toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains(tmp.resolve("escalation.yaml").toString()) && r.err().contains("levels[0]"), r.err());
    }

    @Test
    void mockOnABusyPort_saysSoInOneLine() throws Exception {
        try (java.net.ServerSocket busy = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Result r = run("mock", "--scenario", "provider-outage", "--port", String.valueOf(busy.getLocalPort()));
            assertEquals(1, r.exit());
            assertTrue(r.err().startsWith("warroom: cannot listen on 127.0.0.1:" + busy.getLocalPort()), r.err());
            assertEquals(1, r.err().lines().count(), r.err());
        }
    }

    @Test
    void autoDrill_withARunbookFolderInGit_recordsTheCommitOfTheRunbookRun(@TempDir Path tmp) throws Exception {
        Path repo = tmp.resolve("runbooks");
        Files.createDirectories(repo);
        Files.copy(Path.of("runbooks", "provider-outage.md"), repo.resolve("provider-outage.md"));
        git(repo, "init", "-q");
        git(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "--allow-empty", "-m", "empty");
        git(repo, "add", "provider-outage.md");
        git(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "runbook");
        String head = new String(new ProcessBuilder("git", "-C", repo.toString(), "rev-parse", "HEAD").start()
                .getInputStream().readAllBytes()).strip();

        Result r = run("drill", "--scenario", "provider-outage", "--auto", "--seed", "1", "--runbooks", repo.toString(),
                "--db", tmp.resolve("warroom").toString(), "--out", tmp.resolve("out").toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode started = null;
        for (JsonNode e : new ObjectMapper().readTree(tmp.resolve("out/timeline.json").toFile())) {
            if (e.get("type").asText().equals("runbook_started")) {
                started = e;
            }
        }
        assertTrue(started != null && head.equals(started.path("commit").asText()), "runbook_started: " + started);
        assertEquals(repo.resolve("provider-outage.md").toString(), started.get("source").asText());
    }

    private static void git(Path dir, String... args) throws Exception {
        java.util.List<String> command = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        assertEquals(0, new ProcessBuilder(command).inheritIO().start().waitFor(), String.join(" ", command));
    }

    @Test
    void unknownScenario_isAClearErrorNamingTheChoices() {
        Result r = run("drill", "--scenario", "meteor-strike", "--auto", "--db", "unused");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("no drill scenario 'meteor-strike'") && r.err().contains("provider-outage"), r.err());
    }

    @Test
    void autoDrill_writesTimelinePostmortemAndRegressionCase(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        Result r = run("drill", "--scenario", "provider-outage", "--auto", "--seed", "5", "--out", out.toString(),
                "--db", tmp.resolve("store/warroom").toString(), "--start", "2026-11-18T02:00:00Z");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("INC-0001 drill provider-outage (seed 5)"), r.out());
        assertTrue(r.out().contains("recovered"), r.out());

        JsonNode timeline = new ObjectMapper().readTree(out.resolve("timeline.json").toFile());
        List<String> types = Stream.iterate(0, i -> i < timeline.size(), i -> i + 1)
                .map(i -> timeline.get(i).get("type").asText()).toList();
        for (String t : List.of("paged", "escalated", "acknowledged", "runbook_started", "step_acked", "sli_observed",
                "resolved")) {
            assertTrue(types.contains(t), t + " missing from " + types);
        }
        for (JsonNode e : timeline) {
            assertTrue(e.has("seq") && e.has("at") && e.has("actor"), e.toString());
            if (e.get("type").asText().equals("sli_observed")) {
                assertTrue(e.get("sli").isNumber(), e.toString());
            }
        }
        String postmortem = Files.readString(out.resolve("postmortem.md"));
        assertTrue(postmortem.startsWith("# Postmortem: INC-0001"), postmortem);
        assertTrue(postmortem.contains("## Timeline (UTC)"));
        JsonNode regression = new ObjectMapper().readTree(out.resolve("regression-case.json").toFile());
        assertEquals("provider-outage", regression.get("scenario").asText());
        assertEquals("sev1", regression.get("expect").get("severity").asText());
        assertEquals("provider-outage", regression.get("expect").get("runbook").asText());

        Result list = run("incidents", "--db", tmp.resolve("store/warroom").toString());
        assertEquals(0, list.exit(), list.err());
        assertTrue(list.out().contains("INC-0001") && list.out().contains("resolved") && list.out().contains("[drill]"),
                list.out());
    }
}
