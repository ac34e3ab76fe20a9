package dev.warroom.postmortem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warroom.drill.DrillResult;
import dev.warroom.incident.EventPayload;
import dev.warroom.incident.Incident;
import dev.warroom.incident.Severity;
import dev.warroom.incident.SeverityPolicy;
import dev.warroom.incident.TimelineEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PostmortemRendererTest {
    private static final SeverityPolicy POLICY = SeverityPolicy.defaults();
    private static final List<String> HEADINGS = List.of("## Impact", "## Detection", "## Timeline (UTC)", "## Response",
            "## Mitigation", "## Root cause", "## What went well", "## What went poorly", "## Where we got lucky",
            "## Action items", "## Regression case");

    /** The content of one generated section of a rendered document. */
    private static String section(String markdown, String name) {
        for (PostmortemDocument.Part p : PostmortemDocument.parse(markdown).parts()) {
            if (p instanceof PostmortemDocument.Generated g && g.section().equals(name)) {
                return g.content();
            }
        }
        throw new AssertionError("no section " + name + " in\n" + markdown);
    }

    @Test
    void render_drill_hasEverySectionFilledFromTheTimeline() throws Exception {
        DrillResult drill = Timelines.drill("provider-outage", 42);
        Incident incident = drill.incident();
        List<TimelineEvent> events = drill.events();

        String md = new PostmortemRenderer(POLICY).withSeed(42).render(incident, events);

        assertTrue(md.startsWith("# Postmortem: " + incident.id() + " " + incident.title() + " (DRILL)\n"), md);
        int at = 0;
        for (String heading : HEADINGS) {
            int next = md.indexOf("\n" + heading + "\n", at);
            assertTrue(next > at, heading + " missing or out of order");
            at = next;
        }
        for (String name : PostmortemRenderer.SECTIONS) {
            assertFalse(section(md, name).isBlank(), name + " is empty");
        }
        String summary = section(md, "summary");
        assertTrue(summary.contains("| Severity | Sev-1 |") && summary.contains("| Status | resolved (drill) |"), summary);
        assertTrue(summary.contains("| Duration | " + dev.warroom.time.Durations.format(incident.timeToResolve().orElseThrow())
                + " |"), summary);
        assertTrue(summary.contains("| Time to ack | 7m (target 15m: met) |"), summary);

        String impact = section(md, "impact");
        assertTrue(impact.contains("objective 99.9% over 30 days"), impact);
        assertTrue(impact.contains("Error budget left when the alert fired: 78%"), impact);
        assertTrue(impact.contains("Budget consumed: at least ") && impact.contains("How: "), impact);
        long firstWindowBad = events.stream().map(TimelineEvent::payload).filter(EventPayload.SliObserved.class::isInstance)
                .map(p -> ((EventPayload.SliObserved) p).badRequests()).findFirst().orElseThrow();
        Matcher affected = Pattern.compile("Requests affected: ([\\d,]+) failed").matcher(impact);
        assertTrue(affected.find(), impact);
        assertTrue(Long.parseLong(affected.group(1).replace(",", "")) > firstWindowBad,
                "later readings add to the first window's bad requests: " + impact);
        assertTrue(impact.contains("Peak burn rate: ") && impact.contains("Lowest SLI: 80.0% over 5m"), impact);

        String detection = section(md, "detection");
        assertTrue(detection.contains("Alert `ModelProviderErrors`") && detection.contains("Its explanation: \"Sev-1 page"),
                detection);
        assertTrue(detection.contains("the alert opened the incident"), detection);
        assertTrue(detection.contains("7m (acked by li, L2) against the Sev-1 target of 15m: met"), detection);

        String timeline = section(md, "timeline");
        assertEquals(events.size(), timeline.lines().filter(l -> l.matches("\\| \\d\\d:\\d\\d:\\d\\d \\| \\+.*")).count(),
                timeline);
        assertTrue(timeline.contains("| 02:20:00 | +7m | li | acknowledged by li (L2)"), timeline);

        String response = section(md, "response");
        assertTrue(response.contains("paged L1 ana (ana@oncall.example)") && response.contains("paged L2 li"), response);
        assertTrue(response.contains("- Escalations: 1") && response.contains("- Acked: li (L2)"), response);
        EventPayload.RunbookStarted started = events.stream().map(TimelineEvent::payload)
                .filter(EventPayload.RunbookStarted.class::isInstance).map(EventPayload.RunbookStarted.class::cast)
                .findFirst().orElseThrow();
        assertTrue(response.contains("Runbook `" + started.runbook() + "`"), response);
        assertTrue(response.contains("Version (content hash): " + started.version()), response);
        assertTrue(response.contains("Source: " + started.source()), response);
        assertTrue(response.contains("| 4 | Remap primary-only model names | acked at +16m |"), response);
        assertTrue(response.contains("Steps 5–6 of 6 were not run: the SLI had recovered."), response);

        String mitigation = section(md, "mitigation");
        assertEquals(3, mitigation.lines().filter(l -> l.contains("| yes |")).count(), mitigation);
        assertTrue(mitigation.contains("| 80.0% (5m) | 84.3% (2m) |"), "SLI before and after the first mitigation:\n" + mitigation);

        assertTrue(section(md, "root-cause").contains(incident.rootCause()), md);
        assertTrue(section(md, "went-well").contains("Ack took 7m, within the 15m target."), md);
        assertTrue(section(md, "went-poorly").contains("The page escalated once before anyone acked."), md);
        assertTrue(section(md, "lucky").contains("li (L2) was reachable at the next level"), md);

        String json = section(md, "regression-case").replaceAll("(?s).*```json\n(.*)\n```.*", "$1");
        assertEquals(RegressionCase.from(incident, events, 42), dev.warroom.regress.RegressionCaseParser.parse(json, "postmortem.md"));
    }

    @Test
    void render_roughIncident_reportsEveryStepOutcomeAndPrefillsActionItems() {
        Timelines.Rough rough = new Timelines.Rough(Severity.SEV1);
        rough.resolve(Duration.ofMinutes(15), null);

        String md = new PostmortemRenderer(POLICY).render(rough.incident(), rough.events());

        String response = section(md, "response");
        assertTrue(response.contains("Commit: 9f8e7d6c") && response.contains("Source: /srv/runbooks/payments-5xx.md"), response);
        assertTrue(response.contains("| 1 | Check the error split | acked at +20m | `sli >= 0.99` did not pass (observed 0.961) |"),
                response);
        assertTrue(response.contains("| 2 | Scale out | skipped (not CPU bound) | — |"), response);
        assertTrue(response.contains("| 3 | Roll back the deploy | failed (the rollback job timed out) | — |"), response);
        assertTrue(response.contains("Step 5 of 5 was not run: the SLI had recovered."), response);
        assertTrue(response.contains("0 posted; the longest stretch without one was 42m against the Sev-1 cadence of"
                + " every 30m: missed"), response);
        assertTrue(section(md, "mitigation").contains("| Drain eu-west | no (one-way) |"), md);
        assertTrue(section(md, "impact").contains("objective 99.9% over 28 days"), "period from the alert:\n" + md);
        assertTrue(section(md, "root-cause").startsWith("_To be written"), md);
        assertTrue(section(md, "summary").contains("| Time to ack | 20m (target 15m: missed) |"), md);

        String poorly = section(md, "went-poorly");
        assertTrue(poorly.contains("Ack took 20m, over the 15m target."), poorly);
        assertTrue(poorly.contains("Step 3 of runbook `payments-5xx` failed at +20m: the rollback job timed out."), poorly);
        assertTrue(poorly.contains("A one-way mitigation was needed: Drain eu-west."), poorly);
        assertTrue(poorly.contains("The check of step 1 of runbook `payments-5xx` did not pass: `sli >= 0.99`"
                + " observed 0.961."), poorly);

        List<ActionItem> items = new PostmortemRenderer(POLICY).actionItems(rough.incident(), rough.events());
        assertEquals(List.of("step_failed", "ack target missed", "status update cadence missed"),
                items.stream().map(ActionItem::source).toList());
        LocalDate due = LocalDate.of(2026, 11, 19);
        assertTrue(items.stream().allMatch(i -> i.due().equals(due) && i.priority().equals("P1")), items.toString());
        String table = section(md, "action-items");
        assertTrue(table.contains("| Make step 3 of runbook payments-5xx (Roll back the deploy) work, or replace it: it"
                + " failed at +20m: the rollback job timed out | owner of runbook payments-5xx | 2026-11-19 | P1 |"), table);
        assertTrue(BlameCheck.forTimeline(rough.events()).check(md).isEmpty(),
                "what Warroom writes is blameless: " + BlameCheck.forTimeline(rough.events()).check(md));
    }

    @ParameterizedTest
    @CsvSource({
            "SEV0, 2026-11-19T02:42:00Z",
            "SEV1, 2026-11-19T02:42:00Z",
            "SEV2, 2026-11-25T02:42:00Z",
            "SEV3, ''"})
    void due_followsTheSeverity(Severity severity, String expected) {
        Timelines.Rough rough = new Timelines.Rough(severity);
        rough.resolve(Duration.ofMinutes(15), null);
        Postmortem pm = new PostmortemRenderer(POLICY).render(rough.incident(), rough.events(), null);

        if (expected.isEmpty()) {
            assertTrue(pm.dueDate().isEmpty());
            assertTrue(section(pm.markdown(), "summary").contains("| Postmortem due | none: Sev-3 needs no postmortem |"),
                    pm.markdown());
        } else {
            assertEquals(Instant.parse(expected), pm.due());
            assertTrue(section(pm.markdown(), "summary").contains(expected.replace("T", " ").replace("Z", " UTC")),
                    pm.markdown());
        }
    }

    @Test
    void due_sev2ResolvedOnFriday_skipsTheWeekend() {
        Timelines.Rough rough = new Timelines.Rough(Severity.SEV2);
        // 2026-11-18 is a Wednesday; two days on it is Friday 02:42
        rough.resolve(Duration.ofDays(2).plusMinutes(15), null);
        Postmortem pm = new PostmortemRenderer(POLICY).render(rough.incident(), rough.events(), null);
        assertEquals(Instant.parse("2026-11-27T02:42:00Z"), pm.due(), "Friday + 5 business days is the next Friday");
    }

    @Test
    void due_beforeResolution_saysWhenItWillBeDue() {
        Timelines.Rough rough = new Timelines.Rough(Severity.SEV1);
        Postmortem pm = new PostmortemRenderer(POLICY).render(rough.incident(), rough.events(), null);
        assertTrue(pm.dueDate().isEmpty());
        assertTrue(section(pm.markdown(), "summary").contains("within 24h of resolution (not resolved yet)"), pm.markdown());
    }
}
