package dev.warroom.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.drill.DrillOptions;
import dev.warroom.drill.DrillResult;
import dev.warroom.drill.DrillRunner;
import dev.warroom.drill.Scenario;
import dev.warroom.drill.ScenarioLibrary;
import dev.warroom.incident.InMemoryTimeline;
import dev.warroom.incident.SeverityPolicy;
import dev.warroom.paging.EscalationLadder;
import dev.warroom.paging.EscalationPolicy;
import dev.warroom.paging.RecordingPager;
import dev.warroom.postmortem.RegressionCase;
import dev.warroom.runbook.RunbookLibrary;
import dev.warroom.slo.AlertPolicy;
import dev.warroom.time.VirtualClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The bundled cases under runbooks/regressions/: one per drill scenario, and every one still passes. */
class BundledCasesTest {
    /** The seed and start the bundled cases were generated with. */
    static final long SEED = 11;
    private static final RunbookLibrary RUNBOOKS = RunbookLibrary.bundled();
    private static final ScenarioLibrary SCENARIOS = ScenarioLibrary.bundled();

    static Stream<CaseFile> bundled() {
        return CaseFile.bundled().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundled")
    void bundledCase_stillPasses(CaseFile file) {
        assertNull(file.problem(), () -> file.problem().getMessage());
        CaseResult result = CaseReplay.withDefaults(RUNBOOKS).replay(file.parsed(), file.source());
        assertTrue(result.passed(), result.line());
        assertEquals(List.of(CaseResult.Expectation.TIER, CaseResult.Expectation.TRIAGE, CaseResult.Expectation.RECOVERY),
                result.checks().stream().map(CaseResult.Check::expectation).toList());
    }

    @Test
    void bundledCases_coverEveryDrillScenario() {
        Set<String> covered = CaseFile.bundled().stream().filter(f -> f.parsed() != null)
                .map(f -> f.parsed().scenario()).collect(Collectors.toSet());
        Set<String> scenarios = SCENARIOS.all().stream().map(Scenario::id).collect(Collectors.toSet());
        assertFalse(scenarios.isEmpty());
        assertEquals(scenarios, covered, "one bundled case per drill scenario");
    }

    static DrillResult drill(Scenario s) {
        VirtualClock clock = new VirtualClock(CaseReplay.DEFAULT_START);
        InMemoryTimeline timeline = new InMemoryTimeline(clock);
        EscalationLadder ladder = new EscalationLadder(EscalationPolicy.defaults(), SeverityPolicy.defaults(),
                new RecordingPager(), timeline, clock);
        DrillResult r = new DrillRunner(s, RUNBOOKS, timeline, ladder, AlertPolicy.sreWorkbook(), clock,
                DrillOptions.defaults(SEED, CaseReplay.DEFAULT_START), line -> { }).run();
        assertNotNull(r);
        return r;
    }
}
