package dev.warroom.postmortem;

import dev.warroom.incident.Incident;
import dev.warroom.incident.SeverityPolicy;
import dev.warroom.incident.TimelineEvent;
import java.util.List;

/**
 * Renders an incident's timeline as a blameless postmortem in Markdown.
 *
 * <p>Sections: a summary table (severity, status, start, end, duration, time to ack / mitigate /
 * resolve, due date), impact, detection, timeline, response, mitigation, root cause, what went well,
 * what went poorly, where we got lucky, action items and the regression case. Each one's content is
 * generated between markers ({@link PostmortemDocument}); headings and the hand-written parts (notes
 * under went well / poorly / lucky, the team's own action items) are plain text a person owns.
 * Rendering again over an earlier document ({@link #render(Incident, List, String)}) refreshes
 * the generated parts and keeps the rest.
 */
public final class PostmortemRenderer {
    /** The generated sections, in document order. */
    public static final List<String> SECTIONS = List.of(PostmortemSections.SUMMARY, PostmortemSections.IMPACT,
            PostmortemSections.DETECTION, PostmortemSections.TIMELINE, PostmortemSections.RESPONSE,
            PostmortemSections.MITIGATION, PostmortemSections.ROOT_CAUSE, PostmortemSections.WENT_WELL,
            PostmortemSections.WENT_POORLY, PostmortemSections.LUCKY, PostmortemSections.ACTION_ITEMS,
            PostmortemSections.REGRESSION_CASE);

    private final SeverityPolicy severities;
    private final Long seed;

    public PostmortemRenderer(SeverityPolicy severities) {
        this(severities, null);
    }

    private PostmortemRenderer(SeverityPolicy severities, Long seed) {
        this.severities = severities;
        this.seed = seed;
    }

    /** The same renderer, writing {@code seed} into the regression case (a drill's seed is not on its timeline). */
    public PostmortemRenderer withSeed(long seed) {
        return new PostmortemRenderer(severities, seed);
    }

    /** A fresh postmortem, with placeholders where a person writes. */
    public String render(Incident incident, List<TimelineEvent> events) {
        return document(new PostmortemSections(severities, incident, events, seed), incident).toMarkdown();
    }

    /**
     * The postmortem over {@code previous}, the text a person last saw and maybe edited (null or
     * blank for a first rendering): its hand-written text and edited sections are kept.
     */
    public Postmortem render(Incident incident, List<TimelineEvent> events, String previous) {
        PostmortemSections sections = new PostmortemSections(severities, incident, events, seed);
        PostmortemDocument fresh = document(sections, incident);
        if (previous == null || previous.isBlank()) {
            return new Postmortem(fresh.toMarkdown(), sections.due().orElse(null), List.of());
        }
        PostmortemDocument.Merged merged = PostmortemDocument.parse(previous).merge(fresh);
        return new Postmortem(merged.markdown(), sections.due().orElse(null), merged.kept());
    }

    /** The action items the timeline suggests, as the postmortem prefills them. */
    public List<ActionItem> actionItems(Incident incident, List<TimelineEvent> events) {
        return new PostmortemSections(severities, incident, events, seed).actionItems();
    }

    private static PostmortemDocument document(PostmortemSections s, Incident incident) {
        return new PostmortemDocument.Builder()
                .text("# Postmortem: " + incident.id() + " " + incident.title() + (incident.drill() ? " (DRILL)" : "")
                        + "\n\n")
                .text("Blameless: this document describes what the system and the process did, not who is at fault."
                        + " Warroom refreshes the parts between `warroom:generated` markers from the timeline;"
                        + " everything else written here, and any generated part edited by hand, is kept.\n\n")
                .generated(PostmortemSections.SUMMARY, s.summary())
                .text("\n## Impact\n\n")
                .generated(PostmortemSections.IMPACT, s.impactText())
                .text("\n## Detection\n\n")
                .generated(PostmortemSections.DETECTION, s.detection())
                .text("\n## Timeline (UTC)\n\n")
                .generated(PostmortemSections.TIMELINE, s.timeline())
                .text("\n## Response\n\n")
                .generated(PostmortemSections.RESPONSE, s.response())
                .text("\n## Mitigation\n\n")
                .generated(PostmortemSections.MITIGATION, s.mitigation())
                .text("\n## Root cause\n\n")
                .generated(PostmortemSections.ROOT_CAUSE, s.rootCause())
                .text("\n## What went well\n\nFrom the timeline:\n\n")
                .generated(PostmortemSections.WENT_WELL, s.wentWell())
                .text("\n_What the responders saw go well: to be written._\n")
                .text("\n## What went poorly\n\nFrom the timeline:\n\n")
                .generated(PostmortemSections.WENT_POORLY, s.wentPoorly())
                .text("\n_What the responders saw go poorly: to be written._\n")
                .text("\n## Where we got lucky\n\nFrom the timeline:\n\n")
                .generated(PostmortemSections.LUCKY, s.lucky())
                .text("\n_Where luck, not design, kept it from being worse: to be written._\n")
                .text("\n## Action items\n\n")
                .generated(PostmortemSections.ACTION_ITEMS, s.actionItemsTable())
                .text("\nAgreed at the review:\n\n| Action | Owner | Due | Priority |\n|---|---|---|---|\n| | | | |\n")
                .text("\n## Regression case\n\n")
                .generated(PostmortemSections.REGRESSION_CASE, s.regressionCase())
                .build();
    }
}
