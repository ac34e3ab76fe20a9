package dev.warroom.postmortem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.drill.DrillResult;
import dev.warroom.incident.EventPayload;
import dev.warroom.incident.Incident;
import dev.warroom.incident.SeverityPolicy;
import dev.warroom.incident.TimelineEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-written text survives re-rendering from a longer timeline. */
class PostmortemMergeTest {
    private static final PostmortemRenderer RENDERER = new PostmortemRenderer(SeverityPolicy.defaults());
    private static final String MY_WELL = "The fallback provider had headroom because of last quarter's capacity review.";
    private static final String MY_CAUSE = "Our client retried 503s without backoff, tripling the provider's load.";

    private static String section(String markdown, String name) {
        return PostmortemDocument.parse(markdown).parts().stream()
                .filter(p -> p instanceof PostmortemDocument.Generated g && g.section().equals(name))
                .map(p -> ((PostmortemDocument.Generated) p).content()).findFirst()
                .orElseThrow(() -> new AssertionError("no section " + name));
    }

    /** The drill's events until just before it resolved, and the whole drill. */
    private record Halves(Incident early, List<TimelineEvent> earlyEvents, Incident full, List<TimelineEvent> all) {
    }

    private static Halves drill() {
        DrillResult drill = Timelines.drill("provider-outage", 7);
        List<TimelineEvent> all = drill.events();
        int resolved = (int) all.stream().takeWhile(e -> !(e.payload() instanceof EventPayload.Resolved)).count();
        return new Halves(Timelines.foldFirst(all, resolved), all.subList(0, resolved), drill.incident(), all);
    }

    @Test
    void rerender_keepsHandWrittenTextAndEditedSections_andAddsNewEvents() {
        Halves h = drill();
        String first = RENDERER.render(h.early(), h.earlyEvents(), null).markdown();
        assertFalse(section(first, "timeline").contains("resolved"), "the early timeline is not resolved yet");
        assertTrue(section(first, "root-cause").startsWith("_To be written"), first);

        String edited = first
                .replace("_What the responders saw go well: to be written._", MY_WELL)
                .replace(section(first, "root-cause"), MY_CAUSE + "\n");
        Postmortem second = RENDERER.render(h.full(), h.all(), edited);

        String md = second.markdown();
        assertTrue(md.contains(MY_WELL), "hand-written text kept:\n" + md);
        assertEquals(MY_CAUSE + "\n", section(md, "root-cause"), "the edited generated section is kept, not replaced"
                + " by the root cause given at resolve");
        assertEquals(List.of("root-cause"), second.kept().stream().map(PostmortemDocument.Kept::section).toList());
        int keptLine = second.kept().get(0).line();
        assertTrue(md.lines().toList().get(keptLine - 1).startsWith("<!-- warroom:generated section=root-cause"), md);

        assertTrue(section(md, "timeline").contains("| li | resolved: "), "the new event is in the timeline:\n" + md);
        assertTrue(section(md, "summary").contains("| Status | resolved (drill) |"), md);
        String fresh = RENDERER.render(h.full(), h.all());
        for (String name : PostmortemRenderer.SECTIONS) {
            if (!name.equals("root-cause")) {
                assertEquals(section(fresh, name), section(md, name), name + " is refreshed from the longer timeline");
            }
        }

        Postmortem third = RENDERER.render(h.full(), h.all(), md);
        assertEquals(md, third.markdown(), "rendering again with nothing new changes nothing");
    }

    @Test
    void rerender_sectionWithoutHash_isRegeneratedAndGetsItsHashBack() {
        Halves h = drill();
        String first = RENDERER.render(h.early(), h.earlyEvents(), null).markdown();
        String unhashed = first.replaceFirst("(section=root-cause) hash=[0-9a-f]+", "$1")
                .replace(section(first, "root-cause"), "my draft, to be replaced\n");

        String md = RENDERER.render(h.full(), h.all(), unhashed).markdown();

        assertTrue(section(md, "root-cause").contains(h.full().rootCause()), md);
        assertTrue(md.contains("section=root-cause hash=" + PostmortemDocument.hash(section(md, "root-cause"))), md);
    }

    @Test
    void rerender_deletedSectionStaysDeleted_andABrokenMarkerIsKeptAsText() {
        Halves h = drill();
        String first = RENDERER.render(h.early(), h.earlyEvents(), null).markdown();
        String lucky = "<!-- warroom:generated section=lucky hash=" + PostmortemDocument.hash(section(first, "lucky"))
                + " -->\n" + section(first, "lucky") + "<!-- /warroom:generated -->\n";
        String withoutLucky = first.replace(lucky, "");
        String brokenOpen = "<!-- warroom:generated section=went-well hash="
                + PostmortemDocument.hash(section(first, "went-well")) + " -->";
        String broken = withoutLucky.replace(section(first, "went-well") + "<!-- /warroom:generated -->\n",
                section(first, "went-well"));
        assertNotEquals(withoutLucky, broken);

        String md = RENDERER.render(h.full(), h.all(), broken).markdown();

        assertFalse(md.contains("section=lucky"), md);
        assertTrue(md.contains(brokenOpen + "\n" + section(first, "went-well")), "no closing marker: kept verbatim\n" + md);
        assertTrue(section(md, "timeline").contains("resolved: "), md);
    }

    @Test
    void hash_ignoresLineEndingsAndTrailingSpaces_butNotWords() {
        String content = "| a | b |\n- one\n";
        assertEquals(PostmortemDocument.hash(content), PostmortemDocument.hash("\r\n| a | b |  \r\n- one\r\n\r\n"));
        assertNotEquals(PostmortemDocument.hash(content), PostmortemDocument.hash("| a | c |\n- one\n"));
    }

    @Test
    void parse_thenToMarkdown_roundTrips() {
        Halves h = drill();
        String md = RENDERER.render(h.full(), h.all());
        assertEquals(md, PostmortemDocument.parse(md).toMarkdown());
        assertEquals(PostmortemRenderer.SECTIONS, PostmortemDocument.parse(md).parts().stream()
                .filter(PostmortemDocument.Generated.class::isInstance)
                .map(p -> ((PostmortemDocument.Generated) p).section()).toList());
    }
}
