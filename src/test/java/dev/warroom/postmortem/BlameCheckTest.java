package dev.warroom.postmortem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.drill.DrillResult;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BlameCheckTest {
    private static final BlameCheck CHECK = new BlameCheck(List.of("ana", "li", "warroom/drill"));

    @ParameterizedTest
    @ValueSource(strings = {
            "Ana forgot to renew the certificate.",
            "li pushed the config without a review.",
            "ana deployed on a Friday.",
            "Li accidentally deleted the queue.",
            "ana didn't check the dashboard.",
            "ana did not follow the runbook.",
            "li failed to escalate.",
            "Ana's change broke the checkout flow.",
            "li had simply ignored the warning.",
            "ana missed the page.",
            "The bad config was deployed by li.",
            "li should have rolled back sooner.",
            "It was ana's fault.",
            "Li caused the outage."})
    void flagsAResponderAsTheCause(String sentence) {
        List<BlameCheck.Warning> warnings = CHECK.check(sentence + "\n");
        assertEquals(1, warnings.size(), sentence);
        BlameCheck.Warning w = warnings.get(0);
        assertEquals(1, w.line());
        assertEquals(sentence, w.sentence());
        assertTrue(Set.of("ana", "li").contains(w.person()), w.toString());
        assertTrue(w.suggestion().endsWith("?"), w.suggestion());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "ana acked the page.",
            "li was incident commander.",
            "li is incident_commander",
            "paged L1 ana (ana@oncall.example)",
            "The page to ana went unanswered for 5m because her phone was on silent mode by policy.",
            "li rolled back the deploy that broke checkout.",
            "The deploy broke checkout; li noticed it on the dashboard.",
            "analytics pushed a schema change.",
            "Julia forgot nothing.",
            "The rollback job failed to start."})
    void passesNamesInNeutralRoles(String sentence) {
        assertEquals(List.of(), CHECK.check(sentence + "\n"), sentence);
    }

    @Test
    void humanError_isFlaggedWithoutAName() {
        List<BlameCheck.Warning> warnings = CHECK.check("Root cause: human error during the migration.\n");
        assertEquals(1, warnings.size());
        assertNull(warnings.get(0).person());
        assertEquals("human error", warnings.get(0).trigger());
    }

    @Test
    void check_reportsTheLineOfTheNameInWrappedParagraphsListsAndTables() {
        String md = """
                # Postmortem: INC-0001 Checkout

                The failover worked as designed. Later that night
                ana pushed a hotfix that
                skipped the canary.

                - li acked the page.
                - Nobody reviewed it; li forgot the flag.

                | Action | Owner |
                |---|---|
                | Add a canary gate | li |
                | Find out why ana missed the alert | ana |

                ```
                ana forgot: inside code, not prose
                ```
                <!-- li broke this comment -->
                """;
        List<BlameCheck.Warning> warnings = CHECK.check(md);
        assertEquals(List.of(4, 8, 13), warnings.stream().map(BlameCheck.Warning::line).toList(), warnings.toString());
        assertEquals("Later that night ana pushed a hotfix that skipped the canary.", warnings.get(0).sentence());
        assertEquals("ana pushed", warnings.get(0).trigger());
        assertEquals("li forgot", warnings.get(1).trigger());
        assertEquals("Find out why ana missed the alert", warnings.get(2).sentence());
    }

    @Test
    void format_isFileLineBlame() {
        BlameCheck.Warning w = CHECK.check("\nli pushed it.\n").get(0);
        assertEquals("pm.md:2: blame: 'li pushed' makes li the cause in \"li pushed it.\"; name the system gap instead:"
                + " what let this change reach production without a check (review, canary, automated test)?",
                w.format("pm.md"));
    }

    @Test
    void forTimeline_takesActorsPageTargetsAckersAndRoleHolders_notComponents() {
        DrillResult drill = Timelines.drill("provider-outage", 3);
        Set<String> names = BlameCheck.responders(drill.events());
        assertEquals(Set.of("ana", "li"), names, "L1 ana paged, L2 li paged, acked and incident commander");
        String md = new PostmortemRenderer(dev.warroom.incident.SeverityPolicy.defaults()).render(drill.incident(), drill.events());
        assertEquals(List.of(), BlameCheck.forTimeline(drill.events()).check(md), "the generated postmortem is blameless");
        assertEquals(1, BlameCheck.forTimeline(drill.events()).check(md + "\nana ignored the first page.\n").size());
    }
}
