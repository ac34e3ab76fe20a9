package dev.warroom.runbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns runbook text and a responder's words into index terms: lowercase words, stop words dropped,
 * Porter stems, plus one term for every multi-word synonym phrase found ("out of memory"), so a
 * phrase can stand for a single word ("oom"). Runbooks, queries and the first-place keywords all go
 * through the same analyzer, so they meet on the same terms. Immutable and thread-safe.
 */
public final class TextAnalyzer {
    private static final Set<String> STOP_WORDS = Set.of("a", "an", "and", "are", "as", "at", "be", "been", "but",
            "by", "can", "do", "does", "for", "from", "had", "has", "have", "i", "if", "in", "into", "is", "it", "its",
            "me", "my", "of", "on", "or", "our", "so", "some", "such", "than", "that", "the", "their", "them", "then",
            "there", "these", "they", "this", "those", "to", "too", "us", "very", "was", "we", "were", "what", "when",
            "which", "while", "who", "why", "will", "with", "you", "your", "all", "any", "just", "now", "not", "no",
            "again", "still", "also", "after", "since", "see", "get", "got", "keep", "keeps");

    /**
     * One analyzed term.
     *
     * @param key     the stem, or the stems of a phrase joined by single spaces
     * @param surface the words as written, so reasons quote the responder
     */
    public record Term(String key, String surface) {
        public boolean phrase() {
            return key.indexOf(' ') >= 0;
        }
    }

    private final Synonyms synonyms;

    public TextAnalyzer(Synonyms synonyms) {
        this.synonyms = synonyms;
    }

    public Synonyms synonyms() {
        return synonyms;
    }

    /** Lowercase words and numbers; an apostrophe joins ("won't" is one word), other punctuation splits. */
    public static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        String lower = text.toLowerCase(Locale.ROOT).replaceAll("['\u2019]", "");
        for (String w : lower.split("[^a-z0-9]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    /** The key of a word or phrase: its words' stems joined by single spaces. */
    public static String key(String wordOrPhrase) {
        return String.join(" ", words(wordOrPhrase).stream().map(Stemmer::stem).toList());
    }

    public static boolean stopWord(String word) {
        return STOP_WORDS.contains(word);
    }

    /** Every term of {@code text}, in order; single words first at each position, then phrases starting there. */
    public List<Term> terms(String text) {
        List<String> words = words(text);
        List<String> stems = words.stream().map(Stemmer::stem).toList();
        List<Term> out = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.length() > 1 && !stopWord(w)) {
                out.add(new Term(stems.get(i), w));
            }
            for (List<String> phrase : synonyms.phrasesStartingWith(stems.get(i))) {
                if (i + phrase.size() <= stems.size() && stems.subList(i, i + phrase.size()).equals(phrase)) {
                    out.add(new Term(String.join(" ", phrase), String.join(" ", words.subList(i, i + phrase.size()))));
                }
            }
        }
        return out;
    }
}
