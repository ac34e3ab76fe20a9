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
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The sections of a handoff, in order: data ({@code template.yaml} next to this class), so the
 * wording changes without code. Two sections are prefilled from the store; the rest are typed in.
 */
public record HandoffTemplate(List<Section> sections) {

    /** What fills a section; {@code TYPED} ones are written by people. */
    public enum Prefill { OPEN_INCIDENTS, RECENTLY_RESOLVED, TYPED }

    /**
     * @param empty what a prefilled section says when there is nothing to list
     * @param hint  what a typed section says until someone writes it
     */
    public record Section(String key, String title, Prefill prefill, String empty, String hint) {
        public boolean typed() {
            return prefill == Prefill.TYPED;
        }
    }

    public HandoffTemplate {
        sections = List.copyOf(sections);
        Set<String> keys = new HashSet<>();
        for (Section s : sections) {
            if (!keys.add(s.key())) {
                throw new IllegalArgumentException("handoff template lists section '" + s.key() + "' twice");
            }
        }
    }

    /** The bundled template. */
    public static HandoffTemplate builtIn() {
        try (InputStream in = HandoffTemplate.class.getResourceAsStream("template.yaml")) {
            if (in == null) {
                throw new IllegalStateException("bundled handoff template.yaml is missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "template.yaml (bundled)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a template; errors name {@code source} and the line. */
    public static HandoffTemplate parse(String text, String source) {
        YamlSource yaml;
        try {
            yaml = YamlSource.parse(text, 1);
        } catch (YamlSource.Problem e) {
            throw new IllegalArgumentException(source + ":" + e.line() + ": " + e.getMessage());
        }
        JsonNode list = yaml.tree() == null ? null : yaml.tree().get("sections");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new IllegalArgumentException(source + ":1: expected a non-empty list 'sections'");
        }
        List<Section> sections = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String path = "sections[" + i + "]";
            JsonNode n = list.get(i);
            String key = n.path("key").asText("");
            String title = n.path("title").asText("");
            if (!key.matches("[a-z][a-z0-9-]{0,63}") || title.isBlank()) {
                throw new IllegalArgumentException(source + ":" + yaml.line(path) + ": " + path
                        + ": needs a key (lower-case words joined by '-') and a title");
            }
            Prefill prefill;
            String prefillText = n.path("prefill").asText("typed");
            try {
                prefill = Prefill.valueOf(prefillText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ":" + yaml.line(path + ".prefill") + ": " + path
                        + ".prefill: unknown '" + prefillText + "' (expected open_incidents or recently_resolved)");
            }
            sections.add(new Section(key, title, prefill, n.path("empty").asText("Nothing to list."),
                    n.path("hint").asText("")));
        }
        try {
            return new HandoffTemplate(sections);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ":1: " + e.getMessage());
        }
    }

    public List<Section> typedSections() {
        return sections.stream().filter(Section::typed).toList();
    }

    public Optional<Section> section(String key) {
        return sections.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    /** The typed section named {@code key}, or an error listing the keys that can be typed in. */
    public Section requireTyped(String key) {
        Section s = section(key).orElse(null);
        if (s == null || !s.typed()) {
            throw new IllegalArgumentException((s == null ? "unknown handoff section '" + key + "'"
                    : "section '" + key + "' is prefilled from the store and cannot be typed in")
                    + " (typed sections: " + String.join(", ", typedSections().stream().map(Section::key).toList())
                    + ")");
        }
        return s;
    }
}
