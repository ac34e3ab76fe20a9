package dev.warroom.runbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.drill.Scenario;
import dev.warroom.drill.ScenarioLibrary;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TriageTest {
    private static Triage triage;

    @BeforeAll
    static void library() {
        triage = new Triage(RunbookLibrary.bundled());
    }

    static Stream<Scenario> scenarios() {
        return ScenarioLibrary.bundled().all().stream();
    }

    private static List<String> ids(List<Triage.Suggestion> suggestions) {
        return suggestions.stream().map(s -> s.runbook().id()).toList();
    }

    @Test
    void everyBundledScenarioLoads() {
        ScenarioLibrary scenarios = ScenarioLibrary.bundled();
        assertEquals(List.of(), scenarios.problems());
        assertTrue(scenarios.all().size() >= 7, "scenarios: " + scenarios.all().size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void symptomAndAlertRankTheScenarioRunbookFirst(Scenario s) {
        List<Triage.Suggestion> out = triage.suggest(s.symptom(), s.alert());
        assertFalse(out.isEmpty());
        assertEquals(s.runbook(), out.get(0).runbook().id(), "ranking: " + ids(out));
        assertTrue(out.get(0).reasons().contains("alert " + s.alert() + " is listed by this runbook"),
                out.get(0).reasons().toString());
        assertTrue(out.get(0).score() >= 100, "alert match scores 100: " + out.get(0).score());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void symptomAloneKeepsTheScenarioRunbookInTheTopThree(Scenario s) {
        List<Triage.Suggestion> out = triage.suggest(s.symptom(), null);
        List<String> ids = ids(out);
        assertTrue(ids.subList(0, Math.min(3, ids.size())).contains(s.runbook()),
                s.runbook() + " not in top 3: " + ids.subList(0, Math.min(5, ids.size())));
        for (Triage.Suggestion suggestion : out) {
            assertTrue(suggestion.reasons().stream().noneMatch(r -> r.startsWith("alert ")), suggestion.reasons().toString());
        }
    }

    @Test
    void reasonsQuoteTheAlertAndTheSharedWords() {
        List<Triage.Suggestion> out = triage.suggest("chat replies fail with 503", "ModelProviderErrors");
        Triage.Suggestion first = out.get(0);
        assertEquals("provider-outage", first.runbook().id());
        assertEquals("alert ModelProviderErrors is listed by this runbook", first.reasons().get(0));
        assertEquals("symptom words: chat, replies, fail, 503", first.reasons().get(1));
        assertTrue(first.score() > Triage.ALERT_MATCH && first.score() < Triage.URL_MATCH, "alert match plus text: " + first.score());
        assertTrue(out.get(1).score() < Triage.ALERT_MATCH, "text alone never reaches an alert match: " + out.get(1).score());
    }

    @Test
    void alertAloneFindsTheRunbook() {
        List<Triage.Suggestion> out = triage.suggest(null, "LlmGatewayUpstream5xx");
        assertEquals(List.of("provider-outage"), ids(out));
        assertEquals(List.of("alert LlmGatewayUpstream5xx is listed by this runbook"), out.get(0).reasons());
    }

    @Test
    void ranksAreSortedByScore() {
        List<Triage.Suggestion> out = triage.suggest("disk full, pods evicted, latency up", null);
        for (int i = 1; i < out.size(); i++) {
            assertTrue(out.get(i - 1).score() >= out.get(i).score(), ids(out).toString());
        }
    }

    @Test
    void nothingInCommonSuggestsNothing() {
        assertEquals(List.of(), triage.suggest("zyxwv qwerty plugh", null));
        assertEquals(List.of(), triage.suggest("zyxwv qwerty plugh", "NoSuchAlert"));
        assertEquals(List.of(), triage.suggest("the and of", null), "stop words alone match nothing");
        assertEquals(List.of(), triage.suggest("", null));
    }
}
