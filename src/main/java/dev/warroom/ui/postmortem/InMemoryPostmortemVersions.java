package dev.warroom.ui.postmortem;

import dev.warroom.store.PostmortemStore;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Versions kept in memory, numbered like the store's; for tests and throwaway consoles. Thread-safe. */
public final class InMemoryPostmortemVersions implements PostmortemVersions {
    private final Clock clock;
    private final Map<String, List<PostmortemStore.Version>> versions = new HashMap<>();

    public InMemoryPostmortemVersions(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized PostmortemStore.Version save(String incidentId, String author, String markdown) {
        if (author == null || author.isBlank()) {
            throw new IllegalArgumentException("a postmortem version needs an author");
        }
        if (markdown == null) {
            throw new IllegalArgumentException("a postmortem version needs its text");
        }
        List<PostmortemStore.Version> saved = versions.computeIfAbsent(incidentId, id -> new ArrayList<>());
        PostmortemStore.Version version = new PostmortemStore.Version(incidentId, saved.size() + 1, author.strip(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS), markdown);
        saved.add(version);
        return version;
    }

    @Override
    public synchronized Optional<PostmortemStore.Version> latest(String incidentId) {
        List<PostmortemStore.Version> saved = versions.getOrDefault(incidentId, List.of());
        return saved.isEmpty() ? Optional.empty() : Optional.of(saved.get(saved.size() - 1));
    }

    /** Every version of the incident, oldest first. */
    public synchronized List<PostmortemStore.Version> versions(String incidentId) {
        return List.copyOf(versions.getOrDefault(incidentId, List.of()));
    }
}
