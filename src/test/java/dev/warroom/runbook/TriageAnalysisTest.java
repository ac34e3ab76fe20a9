package dev.warroom.runbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TriageAnalysisTest {

    @Test
    void editDistance_countsATranspositionAsOneEdit() {
        assertEquals(1, EditDistance.between("tiemout", "timeout", 2));
        assertEquals(1, EditDistance.between("latncy", "latency", 2));
        assertEquals(1, EditDistance.between("cahce", "cache", 2));
        assertEquals(2, EditDistance.between("certifcat", "certificate", 2));
        assertEquals(0, EditDistance.between("same", "same", 1));
        assertTrue(EditDistance.between("provider", "gateway", 2) > 2);
    }

    @Test
    void editsTolerated_growWithTheWord() {
        assertEquals(0, EditDistance.tolerated("dsik"));
        assertEquals(1, EditDistance.tolerated("tiemout"));
        assertEquals(2, EditDistance.tolerated("certifcate"));
    }

    @Test
    void corrections_comeFromTheLibraryVocabulary_closestOnly() {
        RunbookIndex index = new RunbookIndex(List.of(TriageRankingTest.runbook("r", "Websocket upgrade fails",
                List.of(), List.of("websocket upgrade timeout", "websockets closing"), List.of(), "x")),
                new TextAnalyzer(Synonyms.none()));
        assertEquals(Map.of("websocket", "websocket"), index.corrections("websockt"));
        assertEquals(Map.of("timeout", "timeout"), index.corrections("tiemout"));
        assertEquals(Map.of(), index.corrections("timeout"), "a known word is not corrected");
        assertEquals(Map.of(), index.corrections("fajlz"), "five letters, two edits away from 'fails'");
        assertEquals(Map.of(), index.corrections("upgrde1"), "words with digits are codes, not typos");
    }

    @Test
    void analyzer_dropsStopWords_stemsWords_andAddsSynonymPhrases() {
        TextAnalyzer a = new TextAnalyzer(Synonyms.of(List.of(List.of("oom", "out of memory")), Map.of()));
        List<TextAnalyzer.Term> terms = a.terms("The pods ran out of memory, won't restart");
        assertEquals(List.of("pod", "ran", "out", "out of memori", "memori", "wont", "restart"),
                terms.stream().map(TextAnalyzer.Term::key).toList());
        assertEquals("out of memory", terms.get(3).surface());
        assertTrue(terms.get(3).phrase());
    }

    @Test
    void bundledSynonyms_linkJargonBothWays_butNotSiblings() {
        Synonyms s = Synonyms.bundled();
        assertTrue(s.related("oom").contains("out of memori"));
        assertTrue(s.related("out of memori").contains("oom"));
        assertTrue(s.related("503").contains("5xx"));
        assertTrue(s.related("5xx").contains("503"));
        assertTrue(!s.related("503").contains("504"), "siblings under a broader word stay apart");
        assertTrue(s.related("cert").contains(Stemmer.stem("certificate")));
    }

    @Test
    void firstPlacesTable_coversTheSixDay2Categories() {
        FirstPlaces table = FirstPlaces.bundled();
        assertEquals(List.of("Allocation stuck", "Browser terminal fails", "Billing looks wrong", "App launch fails",
                "API degraded", "Security exception needed"), table.categories().stream().map(FirstPlaces.Category::name).toList());
        for (FirstPlaces.Category c : table.categories()) {
            assertTrue(c.firstPlaces().size() >= 3, c.id());
            assertTrue(!c.team().isBlank() && !c.escalation().isEmpty(), c.id());
            for (String id : c.runbooks()) {
                assertTrue(RunbookLibrary.bundled().byId(id).isPresent(), c.id() + " names unknown runbook " + id);
            }
        }
    }

    @Test
    void firstPlace_isChosenByKeywords_byTheCategoryName_orByTheTopRunbook() {
        Triage t = new Triage(RunbookLibrary.bundled());
        assertEquals("billing-looks-wrong", hint(t, new TriageQuery("billing looks wrong", Map.of())));
        assertEquals("security-exception-needed", hint(t, TriageQuery.text("need a security exception to open egress for the vendor")));
        assertEquals("browser-terminal-fails", hint(t, TriageQuery.text("web shell drops with 1006")));
        assertEquals("app-launch-fails", hint(t, TriageQuery.text("app launch fails")));
        assertEquals("api-degraded", hint(t, TriageQuery.text("api 5xx on every endpoint")));
        assertEquals("allocation-stuck", hint(t, new TriageQuery("", Map.of("alertname", "AllocationReleaseStuck"))),
                "the alert names the runbook, and the runbook names the category");
        assertEquals("-", hint(t, TriageQuery.text("validator missed attestations")), "not every symptom has a category");
        assertEquals("-", hint(t, TriageQuery.text("zyxwv qwerty")));
    }

    private static String hint(Triage t, TriageQuery q) {
        return t.firstPlace(q).map(h -> h.category().id()).orElse("-");
    }
}
