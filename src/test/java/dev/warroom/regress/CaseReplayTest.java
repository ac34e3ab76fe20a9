package dev.warroom.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.postmortem.RegressionCase;
import dev.warroom.runbook.RunbookLibrary;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CaseReplayTest {
    private static final CaseReplay REPLAY = CaseReplay.withDefaults(RunbookLibrary.bundled());

    record Tamper(String find, String replace, CaseResult.Expectation broken, String detail) {
    }

    static Stream<Tamper> tampered() {
        return Stream.of(
                new Tamper("\"severity\" : \"sev1\"", "\"severity\" : \"sev2\"", CaseResult.Expectation.TIER,
                        "expected sev2 page, raised sev1 page"),
                new Tamper("\"max_steps\" : 4", "\"max_steps\" : 2", CaseResult.Expectation.RECOVERY,
                        "needed 4 steps to recover it, the case allows at most 2"),
                new Tamper("\"runbook\" : \"provider-outage\"", "\"runbook\" : \"cost-spike\"", CaseResult.Expectation.TRIAGE,
                        "expected cost-spike first, triage ranks provider-outage first"),
                new Tamper("\"min_sli\" : 0.999", "\"min_sli\" : 0.99995", CaseResult.Expectation.RECOVERY,
                        "but the SLI held only"));
    }

    /** Each tampering breaks exactly the expectation it touches; the others still hold. */
    @ParameterizedTest
    @MethodSource("tampered")
    void aTamperedCase_failsOnTheExpectationItBroke(Tamper t) {
        String text = RegressionCaseParserTest.bundledText("provider-outage");
        assertTrue(text.contains(t.find()), t.find());
        RegressionCase c = RegressionCaseParser.parse(text.replace(t.find(), t.replace()), "tampered.json");
        CaseResult result = REPLAY.replay(c, "tampered.json");

        assertFalse(result.passed(), result.line());
        CaseResult.Check broken = result.failures().get(0);
        assertEquals(t.broken(), broken.expectation(), result.line());
        assertTrue(broken.detail().contains(t.detail()), broken.detail());
        assertTrue(result.line().startsWith("FAIL provider-outage: "), result.line());
        if (t.broken() != CaseResult.Expectation.TRIAGE) {
            assertEquals(List.of(t.broken()), result.failures().stream().map(CaseResult.Check::expectation).toList(),
                    result.line());
        }
    }
}
