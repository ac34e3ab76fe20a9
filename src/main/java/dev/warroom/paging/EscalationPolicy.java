package dev.warroom.paging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.warroom.time.Durations;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who gets paged, in which order, and how long each level has to ack. After the last level the
 * ladder starts again at L1, {@code repeats} more times.
 */
public record EscalationPolicy(String name, List<EscalationLevel> levels, int repeats) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
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

    /** Reads a ladder from YAML; errors name {@code source}, the field and the line. */
    public static EscalationPolicy parse(InputStream in, String source) {
        JsonNode root;
        try {
            root = YAML.readTree(in);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + ":" + (e.getLocation() == null ? "?" : e.getLocation().getLineNr())
                    + ": not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (root == null || !root.path("levels").isArray()) {
            throw new IllegalArgumentException(source + ": expected 'levels:' with a list of levels");
        }
        Duration defaultDelay = DEFAULT_DELAY;
        if (root.hasNonNull("delay")) {
            defaultDelay = delay(source, "delay", root.get("delay"));
        }
        List<EscalationLevel> levels = new ArrayList<>();
        int i = 0;
        for (JsonNode n : root.get("levels")) {
            String field = "levels[" + i + "]";
            Duration delay = n.hasNonNull("delay") ? delay(source, field + ".delay", n.get("delay")) : defaultDelay;
            try {
                levels.add(new EscalationLevel(n.path("name").asText("L" + (i + 1)), n.path("role").asText(null),
                        n.path("person").asText(null), n.path("contact").asText(null), delay));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ": " + field + ": " + e.getMessage());
            }
            i++;
        }
        return new EscalationPolicy(root.path("name").asText("default"), levels, root.path("repeats").asInt(0));
    }

    private static Duration delay(String source, String field, JsonNode n) {
        try {
            return Durations.parse(n.asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + field + ": " + e.getMessage());
        }
    }
}
