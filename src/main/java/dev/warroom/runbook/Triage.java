package dev.warroom.runbook;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Suggests runbooks for a symptom and/or a firing alert. An exact alert-name match ranks first; then
 * words shared with the runbook's symptoms and title. Every suggestion says why in words.
 */
public final class Triage {
    private static final Set<String> STOP_WORDS = Set.of("the", "a", "an", "and", "or", "of", "to", "in", "on", "for",
            "from", "is", "are", "with", "we", "our", "it", "its", "be", "see", "by", "at", "as", "this", "that", "not");

    /** One ranked runbook with the reasons it was chosen. */
    public record Suggestion(Runbook runbook, double score, List<String> reasons) {
    }

    private final RunbookLibrary library;

    public Triage(RunbookLibrary library) {
        this.library = library;
    }

    /** Ranked suggestions, best first; runbooks with nothing in common are left out. */
    public List<Suggestion> suggest(String symptom, String alertName) {
        Map<String, String> words = spoken(symptom == null ? "" : symptom);
        List<Suggestion> out = new ArrayList<>();
        for (Runbook r : library.all()) {
            double score = 0;
            List<String> reasons = new ArrayList<>();
            if (alertName != null && r.alerts().contains(alertName)) {
                score += 100;
                reasons.add("alert " + alertName + " is listed by this runbook");
            }
            Set<String> symptomWords = words(String.join(" ", r.symptoms()));
            Set<String> titleWords = words(r.title());
            Set<String> shared = new LinkedHashSet<>();
            for (Map.Entry<String, String> w : words.entrySet()) {
                if (symptomWords.contains(w.getKey())) {
                    score += 3;
                    shared.add(w.getValue());
                } else if (titleWords.contains(w.getKey())) {
                    score += 2;
                    shared.add(w.getValue());
                }
            }
            if (!shared.isEmpty()) {
                reasons.add("symptom words: " + String.join(", ", shared));
            }
            if (score > 0) {
                out.add(new Suggestion(r, score, List.copyOf(reasons)));
            }
        }
        out.sort(Comparator.comparingDouble(Suggestion::score).reversed().thenComparing(s -> s.runbook().id()));
        return out;
    }

    static Set<String> words(String text) {
        return spoken(text).keySet();
    }

    /** Crude stem (plural "s" dropped) to the word as written, so reasons quote the responder. */
    private static Map<String, String> spoken(String text) {
        Map<String, String> words = new LinkedHashMap<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (w.length() > 1 && !STOP_WORDS.contains(w)) {
                words.putIfAbsent(w.endsWith("s") && w.length() > 3 ? w.substring(0, w.length() - 1) : w, w);
            }
        }
        return words;
    }
}
