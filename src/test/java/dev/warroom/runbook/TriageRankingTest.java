package dev.warroom.runbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Ranking rules on small made-up libraries, so each rule is seen on its own. */
class TriageRankingTest {
    private static final String FILLER = "Check the dashboards and the logs before changing anything.";
    /** Enough distinct matching words that alert match plus text outscores a bare runbook_url match. */
    private static final String WORDY = "disk full inode exhaustion kubelet eviction ephemeral journald rotation"
            + " logrotate compaction snapshot retention tmpfs overlay pressure partition quota filesystem mount";

    static Runbook runbook(String id, String title, List<String> services, List<String> symptoms, List<String> alerts,
                           String body) {
        RunbookStep step = new RunbookStep(1, "Look first", body, null, null, null, null, null, 10);
        return new Runbook(id, title, services, "sev2", symptoms, alerts, Map.of(), List.of(), FILLER, List.of(step),
                "runbooks/" + id + ".md", "0123456789ab");
    }

    private static Triage triage(Synonyms synonyms, Runbook... runbooks) {
        return new Triage(List.of(runbooks), synonyms, new FirstPlaces(List.of()));
    }

    private static List<String> ids(List<Triage.Suggestion> out) {
        return out.stream().map(s -> s.runbook().id()).toList();
    }

    @Test
    void symptomsOutweighTitle_andTitleOutweighsBody() {
        Triage t = triage(Synonyms.none(),
                runbook("in-body", "Queue trouble", List.of(), List.of("consumers are slow"), List.of(), "the widget jams"),
                runbook("in-title", "Widget trouble", List.of(), List.of("consumers are slow"), List.of(), FILLER),
                runbook("in-symptoms", "Queue trouble", List.of(), List.of("widget jams"), List.of(), FILLER));
        List<Triage.Suggestion> out = t.suggest(TriageQuery.text("widget"));
        assertEquals(List.of("in-symptoms", "in-title", "in-body"), ids(out));
        assertEquals(List.of("symptom words: widget"), out.get(0).reasons());
        assertEquals(List.of("steps mention: widget"), out.get(2).reasons());
    }

    @Test
    void alertNameListedByARunbook_ranksItFirstOverBetterText() {
        Triage t = triage(Synonyms.none(),
                runbook("wordy", "Disk full", List.of(), List.of("disk full on a node", "no space left"), List.of(), FILLER),
                runbook("listed", "Storage", List.of(), List.of("volume trouble"), List.of("NodeDiskPressure"), FILLER));
        List<Triage.Suggestion> out = t.suggest(new TriageQuery("disk full, no space left", Map.of("alertname", "NodeDiskPressure")));
        assertEquals(List.of("listed", "wordy"), ids(out));
        assertEquals("alert NodeDiskPressure is listed by this runbook", out.get(0).reasons().get(0));
        assertTrue(out.get(0).score() >= Triage.ALERT_MATCH);
    }

    @Test
    void runbookUrl_outranksAnAlertNameListedElsewhere() {
        Triage t = triage(Synonyms.none(),
                runbook("listed", "Storage", List.of(), List.of("volume trouble"), List.of("NodeDiskPressure"), FILLER),
                runbook("pointed", "Disk full", List.of(), List.of("disk full"), List.of(), FILLER));
        List<Triage.Suggestion> out = t.suggest(new TriageQuery("", Map.of("alertname", "NodeDiskPressure",
                "runbook_url", "https://git.example.com/infra/runbooks/blob/main/pointed.md")));
        assertEquals(List.of("pointed", "listed"), ids(out));
        assertEquals(List.of("named by the alert's runbook_url"), out.get(0).reasons());
    }

    @Test
    void runbookUrl_ranksFirst_evenWhenAnotherRunbookListsTheAlertAndMatchesTheTextBetter() {
        Triage t = triage(Synonyms.none(),
                runbook("listed", "Disk full on a node", List.of("storage"), List.of(WORDY),
                        List.of("NodeDiskPressure"), WORDY),
                runbook("pointed", "Volume trouble", List.of(), List.of("volume trouble"), List.of(), FILLER),
                runbook("queue", "Queue lag", List.of(), List.of("consumers fall behind"), List.of(), FILLER),
                runbook("certs", "Certificate expiry", List.of(), List.of("tls handshake fails"), List.of(), FILLER),
                runbook("latency", "Latency drift", List.of(), List.of("p95 creeping up"), List.of(), FILLER));
        TriageQuery query = new TriageQuery(WORDY, Map.of("alertname", "NodeDiskPressure",
                "service", "storage", "runbook_url", "https://wiki.example.com/ops/runbooks/pointed"));
        List<Triage.Suggestion> out = t.suggest(query);
        assertTrue(out.get(1).score() > out.get(0).score(), "the listed runbook outscores the named one: "
                + out.get(1).score() + " vs " + out.get(0).score());
        assertEquals(List.of("pointed", "listed"), ids(out).subList(0, 2));
        assertEquals(List.of("named by the alert's runbook_url"), out.get(0).reasons());
    }

    @Test
    void runbookUrl_inTheBundledLibrary_ranksItsRunbookFirstOverTheSymptomText() {
        Triage t = new Triage(RunbookLibrary.bundled());
        TriageQuery query = new TriageQuery("disk full, no space left on device", Map.of(
                "alertname", "ModelProviderErrors",
                "runbook_url", "https://git.example.com/infra/runbooks/blob/main/runbooks/provider-outage.md"));
        Triage.Suggestion first = t.suggest(query).get(0);
        assertEquals("provider-outage", first.runbook().id());
        assertEquals("named by the alert's runbook_url", first.reasons().get(0));
        assertEquals("disk-full", t.suggest(TriageQuery.text("disk full, no space left on device")).get(0).runbook().id(),
                "without the URL the text would have chosen another runbook");
    }

    @Test
    void runbookUrl_namingNoRunbook_changesNothing() {
        Triage t = triage(Synonyms.none(),
                runbook("a", "Disk full", List.of(), List.of("disk full"), List.of(), FILLER),
                runbook("b", "Queue lag", List.of(), List.of("queue lag"), List.of(), FILLER));
        List<Triage.Suggestion> out = t.suggest(new TriageQuery("queue lag", Map.of("runbook_url",
                "https://wiki.example.com/ops/runbooks/unknown.md")));
        assertEquals(List.of("b"), ids(out));
    }

    @Test
    void runbookUrl_matchesTheIdOrFileNameAsTheLastSegmentOrFragment() {
        Runbook r = runbook("disk-full", "Disk full", List.of(), List.of(), List.of(), FILLER);
        assertTrue(Triage.pointsAt("https://wiki.example.com/ops/runbooks/disk-full", r));
        assertTrue(Triage.pointsAt("https://wiki.example.com/ops/runbooks/disk-full/", r));
        assertTrue(Triage.pointsAt("https://git.example.com/x/blob/main/runbooks/disk-full.md?plain=1", r));
        assertTrue(Triage.pointsAt("https://wiki.example.com/runbooks.html#disk-full", r));
        assertTrue(Triage.pointsAt("runbooks/disk-full.md", r));
        assertFalse(Triage.pointsAt("https://wiki.example.com/ops/runbooks/disk-full-old", r));
        assertFalse(Triage.pointsAt("https://wiki.example.com/disk-full/overview", r));
        assertFalse(Triage.pointsAt("not a url at all", r));
    }

    @Test
    void serviceFromTheAlertLabelOrTheText_breaksATie() {
        Runbook chat = runbook("chat", "Replies fail", List.of("chat-api"), List.of("replies fail"), List.of(), FILLER);
        Runbook rag = runbook("rag", "Replies fail", List.of("rag-api"), List.of("replies fail"), List.of(), FILLER);
        Triage t = triage(Synonyms.none(), chat, rag);

        List<Triage.Suggestion> byLabel = t.suggest(new TriageQuery("replies fail", Map.of("service", "rag-api")));
        assertEquals(List.of("rag", "chat"), ids(byLabel));
        assertEquals("service rag-api", byLabel.get(0).reasons().get(byLabel.get(0).reasons().size() - 1));
        assertEquals(Triage.SERVICE_MATCH, byLabel.get(0).score() - byLabel.get(1).score(), 1e-9);

        assertEquals(List.of("chat", "rag"), ids(t.suggest(TriageQuery.text("replies fail on chat-api"))));
        assertEquals(List.of("rag"), ids(t.suggest(new TriageQuery("", Map.of("service", "rag-api")))),
                "a service label alone still narrows it down");
        assertEquals(List.of(), ids(t.suggest(TriageQuery.text("chat-apis"))), "a service is matched as a whole word");
    }

    @Test
    void typos_areMatchedAgainstTheLibraryVocabularyAndSaidSo() {
        Triage t = triage(Synonyms.none(),
                runbook("timeouts", "Upstream timeouts", List.of(), List.of("requests timeout at the gateway"), List.of(), FILLER),
                runbook("latency", "Latency drift", List.of(), List.of("latency creeping up"), List.of(), FILLER));
        List<Triage.Suggestion> out = t.suggest(TriageQuery.text("tiemout at gateway"));
        assertEquals("timeouts", out.get(0).runbook().id());
        assertTrue(out.get(0).reasons().contains("matched 'tiemout' as 'timeout'"), out.get(0).reasons().toString());
        assertEquals("latency", t.suggest(TriageQuery.text("latncy")).get(0).runbook().id());
        assertEquals(List.of(), t.suggest(TriageQuery.text("lxtxncy")), "two edits in a word under 9 letters: no match");
    }

    @Test
    void synonyms_reachTheRunbooksWordAtALowerWeight() {
        Synonyms jargon = Synonyms.of(List.of(List.of("oom", "out of memory")), Map.of("5xx", List.of("503", "504")));
        Triage t = triage(jargon,
                runbook("gpu", "GPU out of memory", List.of(), List.of("pods die out of memory"), List.of(), FILLER),
                runbook("provider", "Provider errors", List.of(), List.of("upstream 5xx"), List.of(), FILLER),
                runbook("edge", "Edge timeouts", List.of(), List.of("clients see 504"), List.of(), FILLER));
        List<Triage.Suggestion> oom = t.suggest(TriageQuery.text("oom"));
        assertEquals(List.of("gpu"), ids(oom));
        assertEquals(List.of("read 'oom' as 'out of memory'"), oom.get(0).reasons());

        List<Triage.Suggestion> code = t.suggest(TriageQuery.text("503"));
        assertEquals(List.of("provider"), ids(code), "503 reaches 5xx but not its sibling 504");
        List<Triage.Suggestion> exact = t.suggest(TriageQuery.text("5xx"));
        assertEquals(List.of("provider", "edge"), ids(exact), "the word itself outweighs a synonym");
        assertTrue(exact.get(0).score() > exact.get(1).score());
    }

    @Test
    void reasons_quoteTheRespondersWords_notTheStems() {
        Triage t = triage(Synonyms.none(),
                runbook("r", "Consumers lagging", List.of(), List.of("consumer lag growing, redeliveries"), List.of(),
                        "Scale the consumers."));
        List<Triage.Suggestion> out = t.suggest(TriageQuery.text("the consumers are lagging and growing, scale?"));
        assertEquals(List.of("symptom words: consumers, lagging, growing", "steps mention: scale"), out.get(0).reasons());
    }

    @Test
    void anUnlistedAlertName_isReadAsWords() {
        Triage t = triage(Synonyms.none(),
                runbook("queue", "Proof queue stalled", List.of(), List.of("queue depth growing"), List.of(), FILLER));
        List<Triage.Suggestion> out = t.suggest(new TriageQuery("", Map.of("alertname", "ProofQueueDepthHigh")));
        assertEquals(List.of("queue"), ids(out));
        assertEquals(List.of("symptom words: proof, queue, depth"), out.get(0).reasons());
    }

    @Test
    void summaryAnnotation_countsAsSymptomText() {
        Triage t = triage(Synonyms.none(),
                runbook("cert", "Certificate expiry", List.of(), List.of("certificate expires soon"), List.of(), FILLER),
                runbook("disk", "Disk full", List.of(), List.of("disk full"), List.of(), FILLER));
        List<Triage.Suggestion> out = t.suggest(new TriageQuery("", Map.of("alertname", "ProbeFailed",
                "summary", "certificate expires in 3 days")));
        assertEquals("cert", out.get(0).runbook().id());
    }
}
