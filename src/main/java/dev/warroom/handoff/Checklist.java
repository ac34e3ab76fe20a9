package dev.warroom.handoff;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warroom.config.YamlSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The first-day-on-call checklist: items are data ({@code checklist.yaml} next to this class),
 * acks are per person and on-call week, so every shift starts with a fresh list.
 */
public record Checklist(List<Item> items) {

    public record Item(String id, String text) {
    }

    public Checklist {
        items = List.copyOf(items);
        Set<String> ids = new HashSet<>();
        for (Item i : items) {
            if (!ids.add(i.id())) {
                throw new IllegalArgumentException("checklist lists item '" + i.id() + "' twice");
            }
        }
    }

    public static Checklist builtIn() {
        try (InputStream in = Checklist.class.getResourceAsStream("checklist.yaml")) {
            if (in == null) {
                throw new IllegalStateException("bundled checklist.yaml is missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "checklist.yaml (bundled)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a checklist; errors name {@code source} and the line. */
    public static Checklist parse(String text, String source) {
        YamlSource yaml;
        try {
            yaml = YamlSource.parse(text, 1);
        } catch (YamlSource.Problem e) {
            throw new IllegalArgumentException(source + ":" + e.line() + ": " + e.getMessage());
        }
        JsonNode list = yaml.tree() == null ? null : yaml.tree().get("items");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new IllegalArgumentException(source + ":1: expected a non-empty list 'items'");
        }
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String id = list.get(i).path("id").asText("");
            String itemText = list.get(i).path("text").asText("");
            if (!id.matches("[a-z][a-z0-9-]{0,63}") || itemText.isBlank()) {
                throw new IllegalArgumentException(source + ":" + yaml.line("items[" + i + "]") + ": items[" + i
                        + "]: needs an id (lower-case words joined by '-') and a text");
            }
            items.add(new Item(id, itemText));
        }
        try {
            return new Checklist(items);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ":1: " + e.getMessage());
        }
    }

    /** The item with {@code id}, or an error listing the ids there are. */
    public Item require(String id) {
        return items.stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown checklist item '" + id + "' (items: "
                        + items.stream().map(Item::id).collect(Collectors.joining(", ")) + ")"));
    }

    /** Each item with its ack, if any; acks of items no longer on the list are left out. */
    public Progress progress(List<ChecklistAck> acks) {
        Map<String, ChecklistAck> byItem = acks.stream()
                .collect(Collectors.toMap(ChecklistAck::item, Function.identity(), (a, b) -> a.at().isAfter(b.at()) ? b : a));
        return new Progress(items.stream().map(i -> new Entry(i, byItem.get(i.id()))).toList());
    }

    /** @param ack null while the item is still to do */
    public record Entry(Item item, ChecklistAck ack) {
        public boolean done() {
            return ack != null;
        }
    }

    public record Progress(List<Entry> entries) {
        public Progress {
            entries = List.copyOf(entries);
        }

        public long done() {
            return entries.stream().filter(Entry::done).count();
        }

        public int total() {
            return entries.size();
        }

        public boolean complete() {
            return done() == total();
        }
    }
}
