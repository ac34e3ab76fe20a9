package dev.warroom.postmortem;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A rendered postmortem, merged with what a person had already written.
 *
 * @param markdown the document to store and show
 * @param due      when it is due; null before resolution and for severities that need none
 * @param kept     generated sections a person edited, kept instead of regenerated
 */
public record Postmortem(String markdown, Instant due, List<PostmortemDocument.Kept> kept) {

    public Postmortem {
        kept = List.copyOf(kept);
    }

    public Optional<Instant> dueDate() {
        return Optional.ofNullable(due);
    }
}
