package dev.warroom.handoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.incident.IncidentState;
import dev.warroom.incident.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The template, typing into it, and the Markdown it becomes. */
class HandoffTest {
    private static final HandoffTemplate TEMPLATE = HandoffTemplate.builtIn();
    private static final HandoffWeek WEEK = HandoffWeek.parse("2026-11-16");

    private static Handoff empty() {
        return new Handoff(WEEK, List.of(), List.of(), Map.of(), null);
    }

    @Test
    void builtInTemplate_hasOurOnCallSectionsInOrder() {
        assertEquals(List.of("Open incidents", "Recently resolved (last 7 days)", "Active changes", "Watchpoints",
                "Vacations / known-out", "Anything else"),
                TEMPLATE.sections().stream().map(HandoffTemplate.Section::title).toList());
        assertEquals(List.of("active-changes", "watchpoints", "vacations", "anything-else"),
                TEMPLATE.typedSections().stream().map(HandoffTemplate.Section::key).toList());
        assertTrue(TEMPLATE.typedSections().stream().noneMatch(s -> s.hint().isBlank()));
    }

    @Test
    void render_everySectionAsAHeading_withHintsForWhatNobodyWrote() {
        Handoff h = empty().edit(TEMPLATE, Map.of("watchpoints", "- payments-db replica lag creeps up at night"));
        String md = HandoffMarkdown.render(TEMPLATE, h);

        assertTrue(md.startsWith("# Shift handoff: week of 2026-11-16\n"), md);
        List<String> headings = md.lines().filter(l -> l.startsWith("## ")).toList();
        assertEquals(TEMPLATE.sections().stream().map(s -> "## " + s.title()).toList(), headings);
        assertTrue(md.contains("## Open incidents\n\nNo open incidents.\n"), md);
        assertTrue(md.contains("## Watchpoints\n\n- payments-db replica lag creeps up at night\n"), md);
        HandoffTemplate.Section vacations = TEMPLATE.requireTyped("vacations");
        assertTrue(md.contains("## Vacations / known-out\n\n_Not written yet: " + vacations.hint() + "_\n"), md);
        assertTrue(md.contains("Draft, not saved."), md);
    }

    @Test
    void render_incidentLines() {
        OpenIncident open = new OpenIncident("INC-0002", "Checkout slow", Severity.SEV2, IncidentState.TRIAGED, false,
                new Owner("noor", Owner.Basis.INCIDENT_COMMANDER), false, Instant.parse("2026-11-16T08:00:00Z"));
        Instant resolvedAt = Instant.parse("2026-11-16T03:12:40Z");
        ResolvedIncident resolved = new ResolvedIncident("INC-0001", "Provider 503s", Severity.SEV1, true,
                Instant.parse("2026-11-16T02:00:00Z"), resolvedAt,
                new PostmortemStatus(PostmortemStatus.Kind.DUE, Instant.parse("2026-11-17T03:12:40Z")));

        assertEquals("- INC-0002 Sev-2, triaged, owner noor (incident commander): Checkout slow"
                + " (declared 2026-11-16 08:00 UTC)", HandoffMarkdown.line(open));
        assertEquals("- INC-0001 [DRILL] Sev-1: Provider 503s, resolved 2026-11-16 03:12 UTC after 1h12m;"
                + " postmortem due 2026-11-17 03:12 UTC", HandoffMarkdown.line(resolved));
    }

    @Test
    void edit_replacesClearsAndRefusesWhatCannotBeTyped() {
        HandoffVersion v1 = new HandoffVersion(WEEK, 1, "noor", Instant.parse("2026-11-16T09:00:00Z"),
                Map.of("watchpoints", "old", "vacations", "kai out Fri"));
        Handoff saved = empty().from(v1);
        assertFalse(saved.unsaved());
        assertTrue(HandoffMarkdown.render(TEMPLATE, saved).contains("Version 1, saved by noor at 2026-11-16 09:00 UTC."));

        Handoff edited = saved.edit(TEMPLATE, Map.of("watchpoints", "  new  ", "vacations", " "));
        assertEquals(Map.of("watchpoints", "new"), edited.typed());
        assertTrue(edited.unsaved());
        assertTrue(HandoffMarkdown.render(TEMPLATE, edited).contains(
                "Draft, not saved; based on version 1, saved by noor at 2026-11-16 09:00 UTC."));

        IllegalArgumentException prefilled = assertThrows(IllegalArgumentException.class,
                () -> saved.edit(TEMPLATE, Map.of("open-incidents", "x")));
        assertEquals("section 'open-incidents' is prefilled from the store and cannot be typed in"
                + " (typed sections: active-changes, watchpoints, vacations, anything-else)", prefilled.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> saved.edit(TEMPLATE, Map.of("weather", "x")));
        assertTrue(unknown.getMessage().startsWith("unknown handoff section 'weather' (typed sections: "),
                unknown.getMessage());
    }

    @Test
    void history_saysWhatEachVersionChanged() {
        Instant t = Instant.parse("2026-11-16T09:00:00Z");
        List<HandoffVersion> versions = List.of(
                new HandoffVersion(WEEK, 1, "noor", t, Map.of("watchpoints", "a", "vacations", "b")),
                new HandoffVersion(WEEK, 2, "kai", t.plusSeconds(600), Map.of("watchpoints", "a2")),
                new HandoffVersion(WEEK, 3, "kai", t.plusSeconds(1200), Map.of("watchpoints", "a2")));

        assertEquals("""
                Handoff for the week of 2026-11-16: 3 versions
                v1  2026-11-16 09:00 UTC  noor: wrote vacations, watchpoints
                v2  2026-11-16 09:10 UTC  kai: wrote watchpoints; cleared vacations
                v3  2026-11-16 09:20 UTC  kai: no changes
                """, HandoffMarkdown.history(WEEK, versions));
        assertEquals("No saved handoff for the week of 2026-11-16.\n", HandoffMarkdown.history(WEEK, List.of()));
    }

    @Test
    void version_refusesEmptySectionsOversizedTextAndMissingAuthor() {
        Instant t = Instant.parse("2026-11-16T09:00:00Z");
        assertThrows(IllegalArgumentException.class, () -> new HandoffVersion(WEEK, 1, "noor", t, Map.of("watchpoints", " ")));
        IllegalArgumentException big = assertThrows(IllegalArgumentException.class, () -> new HandoffVersion(WEEK, 1,
                "noor", t, Map.of("watchpoints", "x".repeat(HandoffVersion.MAX_SECTION + 1))));
        assertEquals("section 'watchpoints' is 100001 characters; the limit is 100000", big.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new HandoffVersion(WEEK, 1, " ", t, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new HandoffVersion(WEEK, 0, "noor", t, Map.of()));
    }

    @Test
    void template_mistakesNameTheLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HandoffTemplate.parse("""
                sections:
                  - key: watchpoints
                    title: Watchpoints
                  - key: later
                    title: Later
                    prefill: tomorrow
                """, "t.yaml"));
        assertEquals("t.yaml:6: sections[1].prefill: unknown 'tomorrow' (expected open_incidents or recently_resolved)",
                e.getMessage());
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> HandoffTemplate.parse("""
                sections:
                  - {key: a, title: A}
                  - {key: a, title: B}
                """, "t.yaml"));
        assertEquals("t.yaml:1: handoff template lists section 'a' twice", twice.getMessage());
    }
}
