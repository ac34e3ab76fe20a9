package dev.warroom.handoff;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A week's handoff as it will be read: the prefilled incident sections plus the typed-in ones.
 *
 * @param typed   section key to Markdown text, only sections someone wrote
 * @param basedOn the saved version the typed sections started from; null before the first save
 */
public record Handoff(HandoffWeek week, List<OpenIncident> open, List<ResolvedIncident> resolved,
                      Map<String, String> typed, HandoffVersion basedOn) {

    public Handoff {
        open = List.copyOf(open);
        resolved = List.copyOf(resolved);
        typed = Collections.unmodifiableMap(new TreeMap<>(typed));
        typed.forEach(HandoffVersion::requireSection);
        if (basedOn != null && !basedOn.week().equals(week)) {
            throw new IllegalArgumentException("version " + basedOn.version() + " is from the week of "
                    + basedOn.week().id() + ", not " + week.id());
        }
    }

    /** The same prefilled sections with the typed ones of {@code version}. */
    public Handoff from(HandoffVersion version) {
        return new Handoff(week, open, resolved, version.sections(), version);
    }

    /**
     * Types text into sections: each change replaces its section; a blank text clears it. Only the
     * template's typed sections can be written.
     */
    public Handoff edit(HandoffTemplate template, Map<String, String> changes) {
        Map<String, String> next = new TreeMap<>(typed);
        changes.forEach((key, text) -> {
            template.requireTyped(key);
            if (text == null || text.isBlank()) {
                next.remove(key);
            } else {
                next.put(key, text.strip());
            }
        });
        return new Handoff(week, open, resolved, next, basedOn);
    }

    /** True when the typed sections differ from the version they started from. */
    public boolean unsaved() {
        return !typed.equals(basedOn == null ? Map.of() : basedOn.sections());
    }
}
