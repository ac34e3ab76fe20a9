package dev.warroom.handoff;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One saved version of a week's handoff: who saved it, when, and the typed-in sections (the
 * prefilled ones are derived from the timeline each time, so they are not kept).
 *
 * @param version 1 for the first save of the week, then 2, 3, ...
 * @param sections section key to Markdown text; a section nobody wrote is absent
 */
public record HandoffVersion(HandoffWeek week, int version, String author, Instant savedAt,
                             Map<String, String> sections) {
    public static final int MAX_AUTHOR = 200;
    public static final int MAX_SECTION = 100_000;

    public HandoffVersion {
        if (version < 1) {
            throw new IllegalArgumentException("handoff versions start at 1, got " + version);
        }
        requireName(author);
        sections = Collections.unmodifiableMap(new TreeMap<>(sections));
        sections.forEach(HandoffVersion::requireSection);
    }

    /** Checks a person's name before it is stored as an author or a checklist's person. */
    public static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a name is needed");
        }
        if (name.length() > MAX_AUTHOR) {
            throw new IllegalArgumentException("the name is " + name.length() + " characters; the limit is "
                    + MAX_AUTHOR);
        }
        return name;
    }

    static void requireSection(String key, String body) {
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("section '" + key + "' is empty; leave it out instead");
        }
        if (body.length() > MAX_SECTION) {
            throw new IllegalArgumentException("section '" + key + "' is " + body.length()
                    + " characters; the limit is " + MAX_SECTION);
        }
    }
}
