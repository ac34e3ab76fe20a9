package dev.warroom.paging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warroom.config.YamlSource;
import dev.warroom.time.Durations;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who gets paged, in which order, and how long each level has to ack. After the last level the
 * ladder starts again at L1, {@code repeats} more times.
 */
public record EscalationPolicy(String name, List<EscalationLevel> levels, int repeats) {

    public static final Duration DEFAULT_DELAY = Duration.ofMinutes(5);

    public EscalationPolicy {
        if (levels == null || levels.isEmpty()) {
            throw new IllegalArgumentException("escalation policy '" + name + "' has no levels");
        }
        if (repeats < 0) {
            throw new IllegalArgumentException("escalation policy '" + name + "': repeats must be >= 0");
        }
        levels = List.copyOf(levels);
    }

    public EscalationLevel first() {
        return levels.get(0);
    }

    public EscalationLevel top() {
        return levels.get(levels.size() - 1);
    }

    public Optional<EscalationLevel> level(String levelName) {
        return levels.stream().filter(l -> l.name().equals(levelName)).findFirst();
    }

    public int indexOf(String levelName) {
        for (int i = 0; i < levels.size(); i++) {
            if (levels.get(i).name().equals(levelName)) {
                return i;
            }
        }
        return -1;
    }

    /** The bundled default ladder (L1 primary, L2 secondary, L3 manager, 5 minutes each). */
    public static EscalationPolicy defaults() {
        try (InputStream in = EscalationPolicy.class.getResourceAsStream("escalation.yaml")) {
            if (in == null) {
                throw new IllegalStateException("bundled escalation.yaml is missing from the classpath");
            }
            return parse(in, "escalation.yaml (bundled)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a ladder from YAML; errors name {@code source}, the line and the field. */
    public static EscalationPolicy parse(InputStream in, String source) {
        YamlSource yaml;
        try {
            yaml = YamlSource.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), 1);
        } catch (YamlSource.Problem e) {
            throw new IllegalArgumentException(source + ":" + e.line() + ": " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode root = yaml.tree();
        if (root == null || !root.path("levels").isArray()) {
            throw new IllegalArgumentException(source + ":1: expected 'levels:' with a list of levels");
        }
        Duration defaultDelay = root.hasNonNull("delay") ? delay(source, yaml, "delay", root.get("delay")) : DEFAULT_DELAY;
        List<EscalationLevel> levels = new ArrayList<>();
        for (int i = 0; i < root.get("levels").size(); i++) {
            JsonNode n = root.get("levels").get(i);
            String field = "levels[" + i + "]";
            Duration delay = n.hasNonNull("delay") ? delay(source, yaml, field + ".delay", n.get("delay")) : defaultDelay;
            try {
                levels.add(new EscalationLevel(n.path("name").asText("L" + (i + 1)), n.path("role").asText(null),
                        n.path("person").asText(null), n.path("contact").asText(null), delay));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ":" + yaml.line(field) + ": " + field + ": " + e.getMessage());
            }
        }
        try {
            return new EscalationPolicy(root.path("name").asText("default"), levels, root.path("repeats").asInt(0));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ":" + yaml.line("repeats") + ": " + e.getMessage());
        }
    }

    private static Duration delay(String source, YamlSource yaml, String field, JsonNode n) {
        try {
            return Durations.parse(n.asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ":" + yaml.line(field) + ": " + field + ": " + e.getMessage());
        }
    }
}
