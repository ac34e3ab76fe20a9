package dev.warroom.runbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warroom.app.WarroomCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code warroom runbooks suggest}, run as a user would. */
class TriageCommandTest {

    record Result(int exit, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = WarroomCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void text_printsTheRankedRunbooksWithScoresAndReasons() {
        Result r = run("runbooks", "suggest", "chat replies fail with 503", "--alert", "alertname=ModelProviderErrors",
                "--alert", "service=chat-api", "--limit", "3");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).matches("1\\. provider-outage \\(score 1\\d\\d\\.\\d\\d\\)"), lines.get(0));
        assertEquals("   Model provider outage (5xx / 503 from the LLM API)", lines.get(1));
        assertEquals("   - alert ModelProviderErrors is listed by this runbook", lines.get(2));
        assertEquals("   - symptom words: chat, replies, fail, 503", lines.get(3));
        assertEquals("   - service chat-api", lines.get(4));
        assertTrue(lines.get(5).startsWith("2. "), r.out());
        assertEquals(3, lines.stream().filter(l -> l.matches("\\d\\. .*")).count(), "--limit 3: " + r.out());
        assertEquals("", r.err());
    }

    @Test
    void text_endsWithTheFirstPlacesToLookAndTheOwner() {
        Result r = run("runbooks", "suggest", "customer charged twice, stripe and ledger disagree");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("1. billing-ledger-mismatch "), r.out());
        String hint = r.out().substring(r.out().indexOf("\n\n") + 2);
        assertTrue(hint.startsWith("First places to look (Billing looks wrong):\n  - "), hint);
        assertTrue(hint.contains("warroomctl billing reconcile"), hint);
        assertTrue(hint.strip().endsWith("Owner: billing; escalation: #billing-oncall > billing secondary > finance controller"), hint);
    }

    @Test
    void json_isAnArrayOfSuggestionsWithIdTitleScoreAndReasons() throws Exception {
        Result r = run("runbooks", "suggest", "tiemout", "--alert", "alertname=EdgeTLSHandshakeErrors", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode rows = new ObjectMapper().readTree(r.out());
        assertTrue(rows.isArray() && rows.size() >= 2 && rows.size() <= 5, r.out());
        JsonNode first = rows.get(0);
        assertEquals(List.of("id", "title", "score", "reasons"), iterable(first.fieldNames()));
        assertEquals("certificate-expiry", first.get("id").asText());
        assertEquals("Expiring or expired TLS certificate in the served chain", first.get("title").asText());
        assertTrue(first.get("score").asDouble() >= 100, r.out());
        assertEquals("alert EdgeTLSHandshakeErrors is listed by this runbook", first.get("reasons").get(0).asText());
        assertTrue(r.out().contains("matched 'tiemout' as '"), r.out());
        assertTrue(!r.out().contains("First places"), "the hint is for people, not in the JSON array");
    }

    @Test
    void noMatch_saysSo_andExitsZero() throws Exception {
        Result r = run("runbooks", "suggest", "zyxwv qwerty plugh");
        assertEquals(0, r.exit(), r.err());
        assertEquals("No runbook matches \"zyxwv qwerty plugh\".", r.out().strip());
        Result json = run("runbooks", "suggest", "zyxwv", "--json");
        assertEquals(0, new ObjectMapper().readTree(json.out()).size());
    }

    @Test
    void badArguments_exitTwoWithOneLine() {
        for (List<String> args : List.of(List.of("runbooks", "suggest", "disk", "--alert", "alertname"),
                List.of("runbooks", "suggest", "disk", "--alert", "=x"),
                List.of("runbooks", "suggest"),
                List.of("runbooks", "suggest", "disk", "--limit", "0"))) {
            Result r = run(args.toArray(String[]::new));
            assertEquals(2, r.exit(), args + " -> " + r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith("warroom: "), r.err());
        }
        assertTrue(run("runbooks", "suggest", "disk", "--alert", "alertname").err()
                .startsWith("warroom: --alert: expected NAME=VALUE, got 'alertname'"));
    }

    @Test
    void teamFolder_runbooksAreSuggestedToo(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("kafka-lag.md"), """
                ---
                id: kafka-lag
                title: Kafka consumer group lag
                services: [orders-consumer]
                severity: sev2
                symptoms:
                  - kafka consumer group lag climbing on orders
                alerts: [KafkaConsumerLagHigh]
                owners:
                  team: orders
                ---

                # Kafka lag

                ## Steps

                1. **Check the group.** `kafka-consumer-groups --describe --group orders`.
                   - expect: lag per partition
                """);
        Result r = run("runbooks", "suggest", "kafka lag on orders", "--runbooks", dir.toString(), "--limit", "1");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("1. kafka-lag "), r.out());
    }

    @Test
    void help_describesTheCommand() {
        Result r = run("runbooks", "suggest", "--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().startsWith("Usage: warroom runbooks suggest") && r.out().contains("--alert"), r.out());
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
