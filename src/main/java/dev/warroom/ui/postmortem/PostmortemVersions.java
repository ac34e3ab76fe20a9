package dev.warroom.ui.postmortem;

import dev.warroom.store.PostmortemStore;
import java.util.Optional;

/**
 * Where the postmortem editor keeps its saved versions: each save adds the incident's next
 * version, nothing is overwritten. Blocking; the editor calls it only in the background.
 * {@link #of(PostmortemStore)} adapts the store; {@link InMemoryPostmortemVersions} serves tests
 * and consoles without a store.
 */
public interface PostmortemVersions {

    /** Stores {@code markdown} as the incident's next version and returns it. */
    PostmortemStore.Version save(String incidentId, String author, String markdown);

    /** The newest saved version, if any. */
    Optional<PostmortemStore.Version> latest(String incidentId);

    /** The store's versions table. */
    static PostmortemVersions of(PostmortemStore store) {
        return new PostmortemVersions() {
            @Override
            public PostmortemStore.Version save(String incidentId, String author, String markdown) {
                return store.save(incidentId, author, markdown);
            }

            @Override
            public Optional<PostmortemStore.Version> latest(String incidentId) {
                return store.latest(incidentId);
            }
        };
    }
}
