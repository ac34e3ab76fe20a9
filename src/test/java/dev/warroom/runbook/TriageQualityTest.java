package dev.warroom.runbook;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Top-1 and top-3 accuracy of triage over the labelled phrasings; rerun with {@code mvn -q test -Dtest=TriageQualityTest}. */
class TriageQualityTest {

    static List<TriageQuality.Case> labelled() throws IOException {
        try (InputStream in = TriageQualityTest.class.getResourceAsStream("/triage/labelled-symptoms.yaml")) {
            return TriageQuality.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void labelledSet_isLargeAndSpreadAcrossTheLibrary() throws IOException {
        List<TriageQuality.Case> cases = labelled();
        Set<String> runbooks = cases.stream().map(TriageQuality.Case::expect).collect(Collectors.toSet());
        assertTrue(cases.size() >= 40, "phrasings: " + cases.size());
        assertTrue(runbooks.size() >= 15, "runbooks covered: " + runbooks.size());
        RunbookLibrary library = RunbookLibrary.bundled();
        for (String id : runbooks) {
            assertTrue(library.byId(id).isPresent(), "labelled set expects unknown runbook " + id);
        }
    }

    /** Guards the set's honesty: paraphrases, not runbook lines pasted back in. */
    @Test
    void labelledSet_sharesNoFourWordRunWithAnyRunbook() throws IOException {
        Set<List<String>> runs = new java.util.HashSet<>();
        for (Runbook r : RunbookLibrary.bundled().all()) {
            for (RunbookIndex.Field f : RunbookIndex.Field.values()) {
                runs.addAll(shingles(TextAnalyzer.words(RunbookIndex.text(r, f))));
            }
        }
        for (TriageQuality.Case c : labelled()) {
            for (List<String> run : shingles(TextAnalyzer.words(c.text()))) {
                assertTrue(!runs.contains(run), "\"" + c.text() + "\" copies \"" + String.join(" ", run) + "\" from a runbook");
            }
        }
    }

    private static List<List<String>> shingles(List<String> words) {
        return java.util.stream.IntStream.rangeClosed(0, words.size() - 4).mapToObj(i -> words.subList(i, i + 4)).toList();
    }

    @Test
    void bundledLibrary_meetsTheAccuracyTargets() throws IOException {
        TriageQuality.Report report = TriageQuality.measure(new Triage(RunbookLibrary.bundled()), labelled());
        System.out.print(report.summary());
        assertTrue(report.top1() >= 0.85, report.summary());
        assertTrue(report.top3() >= 0.95, report.summary());
    }
}
