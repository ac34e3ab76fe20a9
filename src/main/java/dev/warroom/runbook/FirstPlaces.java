package dev.warroom.runbook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The "first place to look" table of our Day-2 practice: for a symptom category (allocation stuck,
 * browser terminal fails, ...) the dashboards, logs and commands to open first, and who owns it. Kept
 * as data in {@code first-places.yaml}; a query picks its category by keywords read with the same
 * analyzer as the runbooks, helped by the runbook triage ranked first. Immutable.
 */
public final class FirstPlaces {
    private static final String RESOURCE = "first-places.yaml";
    /**
     * Two keyword hits choose a category; so does its whole name ("billing looks wrong") or the runbook
     * triage ranked first belonging to it, each being as telling as two keywords.
     */
    static final int THRESHOLD = 2;
    static final int NAME_VOTE = 2;
    static final int RUNBOOK_VOTE = 2;

    public record Category(String id, String name, List<String> keywords, List<String> runbooks,
                           List<String> firstPlaces, String team, List<String> escalation) {
        public Category {
            keywords = List.copyOf(keywords);
            runbooks = List.copyOf(runbooks);
            firstPlaces = List.copyOf(firstPlaces);
            escalation = List.copyOf(escalation);
        }
    }

    /** The category chosen for a query and the keywords that chose it. */
    public record Hint(Category category, List<String> matchedKeywords) {
        public Hint {
            matchedKeywords = List.copyOf(matchedKeywords);
        }
    }

    private final List<Category> categories;

    public FirstPlaces(List<Category> categories) {
        this.categories = List.copyOf(categories);
    }

    public static FirstPlaces bundled() {
        try (InputStream in = FirstPlaces.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return parse(new ObjectMapper(new YAMLFactory()).readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(RESOURCE + ": " + e.getMessage(), e);
        }
    }

    static FirstPlaces parse(JsonNode root) {
        List<Category> out = new ArrayList<>();
        for (JsonNode c : root.path("categories")) {
            out.add(new Category(required(c, "id"), required(c, "name"), strings(c.path("keywords")),
                    strings(c.path("runbooks")), strings(c.path("first_places")), required(c.path("owner"), "team"),
                    strings(c.path("owner").path("escalation"))));
        }
        return new FirstPlaces(out);
    }

    private static String required(JsonNode n, String field) {
        String v = n.path(field).asText("");
        if (v.isBlank()) {
            throw new IllegalStateException(RESOURCE + ": a category has no '" + field + "'");
        }
        return v;
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.forEach(v -> out.add(v.asText()));
        return out;
    }

    public List<Category> categories() {
        return categories;
    }

    /**
     * The best category for the query's term keys (with their synonyms and corrections already added),
     * or empty when none reaches two votes.
     *
     * @param topRunbook id of the runbook triage ranked first, or null
     */
    public Optional<Hint> match(Set<String> queryKeys, TextAnalyzer analyzer, String topRunbook) {
        Hint best = null;
        int bestVotes = THRESHOLD - 1;
        for (Category c : categories) {
            List<String> matched = new ArrayList<>();
            for (String keyword : c.keywords()) {
                if (contains(queryKeys, keyword, analyzer)) {
                    matched.add(keyword);
                }
            }
            int votes = matched.size() + (contains(queryKeys, c.name(), analyzer) ? NAME_VOTE : 0)
                    + (topRunbook != null && c.runbooks().contains(topRunbook) ? RUNBOOK_VOTE : 0);
            if (votes > bestVotes) {
                bestVotes = votes;
                best = new Hint(c, matched);
            }
        }
        return Optional.ofNullable(best);
    }

    /** A keyword of several words counts once, when the query has every one of them (or its phrase). */
    private static boolean contains(Set<String> queryKeys, String keyword, TextAnalyzer analyzer) {
        List<String> words = analyzer.terms(keyword).stream().filter(t -> !t.phrase()).map(TextAnalyzer.Term::key).toList();
        return queryKeys.contains(TextAnalyzer.key(keyword)) || (!words.isEmpty() && queryKeys.containsAll(words));
    }
}
