package dev.warroom.runbook;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A BM25F index over a runbook library: each runbook's symptoms, title and body (intro and steps) as
 * separately weighted fields, so a word a responder would say (a symptom) counts for more than the
 * same word inside a kubectl command. Also the vocabulary, for typo correction. Immutable.
 */
public final class RunbookIndex {

    /** The indexed fields and their weights: symptoms > title > body. */
    public enum Field {
        SYMPTOMS(3.0, 0.6), TITLE(2.0, 0.5), BODY(1.0, 0.75);

        final double weight;
        final double b;

        Field(double weight, double b) {
            this.weight = weight;
            this.b = b;
        }
    }

    private static final double K1 = 1.2;

    /** One runbook's term counts and lengths per field, and how it writes each term. */
    private record Doc(Runbook runbook, Map<Field, Map<String, Integer>> tf, Map<Field, Integer> length,
                       Map<String, String> surfaces) {
    }

    private final TextAnalyzer analyzer;
    private final List<Doc> docs;
    private final Map<String, Integer> df;
    private final Map<Field, Double> avgLength;
    /** Written word -> its key, for typo correction; sorted so corrections are deterministic. */
    private final Map<String, String> vocabulary;

    public RunbookIndex(List<Runbook> runbooks, TextAnalyzer analyzer) {
        this.analyzer = analyzer;
        this.docs = new ArrayList<>();
        this.df = new HashMap<>();
        this.vocabulary = new TreeMap<>();
        Map<Field, Double> totals = new EnumMap<>(Field.class);
        for (Runbook r : runbooks) {
            Map<Field, Map<String, Integer>> tf = new EnumMap<>(Field.class);
            Map<Field, Integer> length = new EnumMap<>(Field.class);
            Map<String, String> surfaces = new HashMap<>();
            for (Field f : Field.values()) {
                List<TextAnalyzer.Term> terms = analyzer.terms(text(r, f));
                Map<String, Integer> counts = new HashMap<>();
                for (TextAnalyzer.Term t : terms) {
                    counts.merge(t.key(), 1, Integer::sum);
                    surfaces.putIfAbsent(t.key(), t.surface());
                    if (!t.phrase()) {
                        vocabulary.putIfAbsent(t.surface(), t.key());
                    }
                }
                tf.put(f, counts);
                length.put(f, terms.size());
                totals.merge(f, (double) terms.size(), Double::sum);
            }
            docs.add(new Doc(r, tf, length, surfaces));
            tf.values().stream().flatMap(m -> m.keySet().stream()).distinct().forEach(k -> df.merge(k, 1, Integer::sum));
        }
        this.avgLength = new EnumMap<>(Field.class);
        for (Field f : Field.values()) {
            avgLength.put(f, docs.isEmpty() ? 1 : Math.max(1, totals.getOrDefault(f, 0.0) / docs.size()));
        }
    }

    /** The text of one field; the title also carries the alert names split into words ("ProofQueueStalled"). */
    static String text(Runbook r, Field f) {
        return switch (f) {
            case SYMPTOMS -> String.join("\n", r.symptoms());
            case TITLE -> r.title() + "\n" + String.join(" ", r.alerts().stream().map(RunbookIndex::splitCamel).toList());
            case BODY -> {
                StringBuilder s = new StringBuilder(r.intro() == null ? "" : r.intro());
                for (RunbookStep step : r.steps()) {
                    s.append('\n').append(step.title() == null ? "" : step.title()).append('\n')
                            .append(step.text() == null ? "" : step.text());
                }
                yield s.toString();
            }
        };
    }

    /** "LlmGatewayUpstream5xx" -> "Llm Gateway Upstream 5xx". */
    static String splitCamel(String name) {
        return name.replaceAll("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ");
    }

    public TextAnalyzer analyzer() {
        return analyzer;
    }

    public List<Runbook> runbooks() {
        return docs.stream().map(Doc::runbook).toList();
    }

    public boolean contains(String key) {
        return df.containsKey(key);
    }

    /** How runbook {@code doc} writes {@code key}: the word or phrase as it first appears there. */
    public String surface(int doc, String key) {
        return docs.get(doc).surfaces().getOrDefault(key, key);
    }

    /**
     * Library words within the tolerated edit distance of {@code word} (one edit from 5 letters, two from
     * 9), closest first; empty for short words, numbers and words the library already has.
     */
    public Map<String, String> corrections(String word) {
        int max = EditDistance.tolerated(word);
        if (max == 0 || word.chars().anyMatch(Character::isDigit) || vocabulary.containsKey(word)) {
            return Map.of();
        }
        int best = max + 1;
        Map<String, String> closest = new LinkedHashMap<>();
        for (Map.Entry<String, String> v : vocabulary.entrySet()) {
            if (EditDistance.tolerated(v.getKey()) == 0) {
                continue;
            }
            int d = EditDistance.between(word, v.getKey(), max);
            if (d < best) {
                best = d;
                closest.clear();
            }
            if (d == best && d <= max) {
                closest.put(v.getKey(), v.getValue());
            }
        }
        return closest;
    }

    /** BM25F score of one term for one runbook, with the fields in which it occurs. */
    public record Hit(double score, List<Field> fields) {
        static final Hit NONE = new Hit(0, List.of());
    }

    public Hit score(int doc, String key) {
        Integer n = df.get(key);
        if (n == null) {
            return Hit.NONE;
        }
        Doc d = docs.get(doc);
        double tf = 0;
        List<Field> fields = new ArrayList<>();
        for (Field f : Field.values()) {
            int count = d.tf().get(f).getOrDefault(key, 0);
            if (count > 0) {
                double norm = 1 - f.b + f.b * d.length().get(f) / avgLength.get(f);
                tf += f.weight * count / norm;
                fields.add(f);
            }
        }
        if (tf == 0) {
            return Hit.NONE;
        }
        double idf = Math.log(1 + (docs.size() - n + 0.5) / (n + 0.5));
        return new Hit(idf * tf / (K1 + tf), List.copyOf(fields));
    }

    public int size() {
        return docs.size();
    }

    public Optional<Integer> indexOf(String runbookId) {
        for (int i = 0; i < docs.size(); i++) {
            if (docs.get(i).runbook().id().equals(runbookId)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }
}
