package dev.warroom.runbook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * On-call jargon: each head word ("5xx") with the words people use for it ("503", "server error").
 * A head and each of its members stand in for one another; members do not stand in for each other,
 * so "503" reaches "5xx" but not "504". Kept as data in {@code triage-synonyms.yaml}. Immutable.
 */
public final class Synonyms {
    private static final String RESOURCE = "triage-synonyms.yaml";

    private final Map<String, Set<String>> related;
    private final Map<String, List<List<String>>> phrasesByFirstStem;

    private Synonyms(Map<String, Set<String>> related, Map<String, List<List<String>>> phrasesByFirstStem) {
        this.related = related;
        this.phrasesByFirstStem = phrasesByFirstStem;
    }

    public static Synonyms none() {
        return new Synonyms(Map.of(), Map.of());
    }

    /** The bundled jargon list. */
    public static Synonyms bundled() {
        try (InputStream in = Synonyms.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return parse(new ObjectMapper(new YAMLFactory()).readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** From head -> members, for tests and team-specific lists. */
    public static Synonyms of(Map<String, List<String>> groups) {
        return parse(new ObjectMapper().valueToTree(groups));
    }

    private static Synonyms parse(JsonNode root) {
        Map<String, Set<String>> related = new HashMap<>();
        Map<String, List<List<String>>> phrases = new HashMap<>();
        root.fields().forEachRemaining(group -> {
            String head = register(group.getKey(), phrases);
            for (JsonNode m : group.getValue()) {
                String member = register(m.asText(), phrases);
                if (!member.isEmpty() && !member.equals(head)) {
                    related.computeIfAbsent(head, k -> new LinkedHashSet<>()).add(member);
                    related.computeIfAbsent(member, k -> new LinkedHashSet<>()).add(head);
                }
            }
        });
        return new Synonyms(related, phrases);
    }

    private static String register(String wordOrPhrase, Map<String, List<List<String>>> phrases) {
        String key = TextAnalyzer.key(wordOrPhrase);
        if (key.indexOf(' ') >= 0) {
            List<String> stems = Arrays.asList(key.split(" "));
            List<List<String>> starting = phrases.computeIfAbsent(stems.get(0), k -> new ArrayList<>());
            if (!starting.contains(stems)) {
                starting.add(List.copyOf(stems));
            }
        }
        return key;
    }

    /** Keys that may stand in for {@code key}; empty when it has none. */
    public Set<String> related(String key) {
        return related.getOrDefault(key, Set.of());
    }

    public boolean known(String key) {
        return related.containsKey(key);
    }

    List<List<String>> phrasesStartingWith(String stem) {
        return phrasesByFirstStem.getOrDefault(stem, List.of());
    }
}
