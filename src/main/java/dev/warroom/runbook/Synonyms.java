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
 * On-call jargon, kept as data in {@code triage-synonyms.yaml}: lines of words that mean the same
 * ("cert", "certificate", "x509"), and broader words with their narrower ones ("5xx": "503", "504"),
 * where a narrower word reaches the broader one and back but never its siblings. Immutable.
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

    /** From lines of equal words and broader -> narrower words, for tests and team-specific lists. */
    public static Synonyms of(List<List<String>> same, Map<String, List<String>> broader) {
        ObjectMapper json = new ObjectMapper();
        return parse(json.createObjectNode().<com.fasterxml.jackson.databind.node.ObjectNode>set("same", json.valueToTree(same))
                .set("broader", json.valueToTree(broader)));
    }

    private static Synonyms parse(JsonNode root) {
        Map<String, Set<String>> related = new HashMap<>();
        Map<String, List<List<String>>> phrases = new HashMap<>();
        for (JsonNode line : root.path("same")) {
            List<String> keys = new ArrayList<>();
            line.forEach(w -> keys.add(register(w.asText(), phrases)));
            for (String a : keys) {
                for (String b : keys) {
                    link(related, a, b);
                }
            }
        }
        root.path("broader").fields().forEachRemaining(group -> {
            String broad = register(group.getKey(), phrases);
            for (JsonNode narrow : group.getValue()) {
                String key = register(narrow.asText(), phrases);
                link(related, broad, key);
                link(related, key, broad);
            }
        });
        return new Synonyms(related, phrases);
    }

    private static void link(Map<String, Set<String>> related, String from, String to) {
        if (!from.isEmpty() && !to.isEmpty() && !from.equals(to)) {
            related.computeIfAbsent(from, k -> new LinkedHashSet<>()).add(to);
        }
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
