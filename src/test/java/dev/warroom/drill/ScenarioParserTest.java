package dev.warroom.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.incident.Severity;
import dev.warroom.runbook.BundledFiles;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioParserTest {

    /** A valid scenario; the error tests change one thing. Line numbers below are lines of this text. */
    private static final String VALID = """
            id: queue-backlog
            title: Payment queue backlog
            service: payments-api
            symptom: "payments stuck in pending"
            alert: PaymentsQueueLag
            runbook: payments-queue-backlog
            slo:
              name: payments-availability
              objective: 0.999
              period: 28d
            traffic:
              requests_per_second: 20
              baseline_error_ratio: 0.0001
            failure:
              starts_after: 5m
              ramp: 1m
              health: 0.4
            expect:
              severity: sev2
            mitigations:
              - id: scale-workers
                title: Scale the workers
                restores: 0.5
              - id: pause-retries
                title: Pause the retry cron
                restores: 0.1
                takes_effect_after: 2m
                reversible: false
            """;

    private static ScenarioFormatException error(String text) {
        return assertThrows(ScenarioFormatException.class, () -> ScenarioParser.parse(text, "drills/broken.yaml"));
    }

    private static String changed(String from, String to) {
        String text = VALID.replace(from, to);
        if (text.equals(VALID)) {
            throw new IllegalArgumentException("not in VALID: " + from);
        }
        return text;
    }

    @Test
    void bundledProviderOutage() {
        BundledFiles.Entry entry = BundledFiles.list("runbooks/drills", ".yaml").stream()
                .filter(e -> e.name().equals("runbooks/drills/provider-outage.yaml")).findFirst().orElseThrow();
        Scenario s = ScenarioParser.parse(entry.text(), entry.name());

        assertEquals("provider-outage", s.id());
        assertEquals("Model provider outage (503s)", s.title());
        assertEquals("chat-api", s.service());
        assertEquals("ModelProviderErrors", s.alert());
        assertEquals("provider-outage", s.runbook());
        assertEquals("runbooks/drills/provider-outage.yaml", s.source());
        assertTrue(s.symptom().startsWith("Chat replies fail with 503 Service Unavailable"), s.symptom());
        assertTrue(s.rootCause().startsWith("The primary model provider had a partial regional outage"), s.rootCause());

        assertEquals("chat-availability", s.slo().name());
        assertEquals("chat-api", s.slo().service());
        assertEquals(0.999, s.slo().objective(), 0);
        assertEquals(Duration.ofDays(30), s.slo().period());
        assertEquals(40, s.requestsPerSecond(), 0);
        assertEquals(0.0002, s.baselineErrorRatio(), 0);

        assertEquals(Duration.ofMinutes(10), s.startsAfter());
        assertEquals(Duration.ofMinutes(2), s.ramp());
        assertEquals(0.5, s.health(), 0);
        assertEquals(Severity.SEV1, s.expectSeverity());
        assertEquals(5, s.maxSteps());

        assertEquals(List.of("fail-over-provider", "raise-fallback-quota", "enable-model-alias-map", "shed-low-priority"),
                s.mitigations().stream().map(Mitigation::id).toList());
        assertEquals(List.of(0.35, 0.10, 0.05, 0.05), s.mitigations().stream().map(Mitigation::restores).toList());
        assertEquals(List.of(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(1), Duration.ofMinutes(1)),
                s.mitigations().stream().map(Mitigation::takesEffectAfter).toList());
        assertEquals("Fail over to the fallback provider", s.mitigation("fail-over-provider").orElseThrow().title());
        assertTrue(s.mitigations().stream().allMatch(Mitigation::reversible));
    }

    @Test
    void inlineScenarioDefaults() {
        Scenario s = ScenarioParser.parse(VALID, "drills/ok.yaml");
        assertEquals(Duration.ofDays(28), s.slo().period());
        assertEquals(Severity.SEV2, s.expectSeverity());
        assertEquals(10, s.maxSteps(), "max_steps defaults to 10");
        assertEquals("", s.summary());
        assertEquals("", s.rootCause());
        Mitigation scale = s.mitigations().get(0);
        assertEquals(Duration.ofMinutes(1), scale.takesEffectAfter(), "takes_effect_after defaults to 1m");
        assertTrue(scale.reversible(), "reversible defaults to true");
        Mitigation pause = s.mitigations().get(1);
        assertEquals(Duration.ofMinutes(2), pause.takesEffectAfter());
        assertEquals(false, pause.reversible());
    }

    @Test
    void missingSlo() {
        String text = changed("""
                slo:
                  name: payments-availability
                  objective: 0.999
                  period: 28d
                """, "");
        ScenarioFormatException e = error(text);
        assertEquals("drills/broken.yaml:1: slo: is required and must be a mapping", e.getMessage());
    }

    @Test
    void objectiveAboveOne() {
        ScenarioFormatException e = error(changed("objective: 0.999", "objective: 1.5"));
        assertTrue(e.getMessage().startsWith("drills/broken.yaml:9: slo.objective: "), e.getMessage());
        assertTrue(e.getMessage().contains("objective"), e.getMessage());
        assertTrue(e.getMessage().contains("1.5"), e.getMessage());
    }

    @Test
    void zeroPeriodNamesThePeriodLine() {
        ScenarioFormatException e = error(changed("period: 28d", "period: 0m"));
        assertTrue(e.getMessage().startsWith("drills/broken.yaml:10: "), e.getMessage());
        assertTrue(e.getMessage().contains("period"), e.getMessage());
    }

    @Test
    void baselineAboveTheErrorBudget() {
        ScenarioFormatException e = error(changed("baseline_error_ratio: 0.0001", "baseline_error_ratio: 0.002"));
        assertTrue(e.getMessage().startsWith("drills/broken.yaml:13: traffic.baseline_error_ratio: 0.002"), e.getMessage());
        assertTrue(e.getMessage().contains("error budget (0.001)"), e.getMessage());
    }

    @Test
    void healthAboveOne() {
        ScenarioFormatException e = error(changed("health: 0.4", "health: 1.7"));
        assertEquals("drills/broken.yaml:17: failure.health: must be a fraction between 0 and 1, got 1.7", e.getMessage());
    }

    @Test
    void badDuration() {
        ScenarioFormatException e = error(changed("ramp: 1m", "ramp: soon"));
        assertTrue(e.getMessage().startsWith("drills/broken.yaml:16: failure.ramp: "), e.getMessage());
        assertTrue(e.getMessage().contains("'soon'"), e.getMessage());
    }

    @Test
    void restoresOutOfRangeInTheSecondMitigationNamesItsLine() {
        ScenarioFormatException e = error(changed("restores: 0.1", "restores: 1.1"));
        assertEquals("drills/broken.yaml:26: mitigations[1].restores: must be a fraction between 0 and 1, got 1.1", e.getMessage());
    }

    @Test
    void duplicateMitigationIdNamesTheDuplicate() {
        ScenarioFormatException e = error(changed("- id: pause-retries", "- id: scale-workers"));
        assertEquals("drills/broken.yaml:24: mitigations[1].id: duplicate mitigation id 'scale-workers'", e.getMessage());
    }

    @Test
    void noMitigations() {
        String text = VALID.substring(0, VALID.indexOf("mitigations:")) + "mitigations: []\n";
        ScenarioFormatException e = error(text);
        assertEquals("drills/broken.yaml:20: mitigations: at least one mitigation is needed", e.getMessage());
    }

    @Test
    void mitigationsMissingAltogether() {
        String text = VALID.substring(0, VALID.indexOf("mitigations:"));
        ScenarioFormatException e = error(text);
        assertTrue(e.getMessage().endsWith(": mitigations: at least one mitigation is needed"), e.getMessage());
    }

    @Test
    void invalidYamlNamesTheLine() {
        ScenarioFormatException e = error(changed("title: Payment queue backlog", "title: Payment queue: backlog"));
        assertTrue(e.getMessage().startsWith("drills/broken.yaml:2: not valid YAML"), e.getMessage());
    }

    @Test
    void invalidYamlNamesTheLineOfTheProblemNotThePreviousToken() {
        // snakeyaml reports "line 17, column 1" for the tab; the error must point there too
        ScenarioFormatException e = error(changed("  health: 0.4", "\thealth: 0.4"));
        assertTrue(e.getMessage().startsWith("drills/broken.yaml:17: not valid YAML"), e.getMessage());
    }

    @Test
    void notAMapping() {
        ScenarioFormatException e = error("- just\n- a list\n");
        assertTrue(e.getMessage().startsWith("drills/broken.yaml:1: a scenario is a YAML mapping"), e.getMessage());
    }

    @Test
    void everyBundledScenarioParses() {
        List<BundledFiles.Entry> files = BundledFiles.list("runbooks/drills", ".yaml", ".yml");
        assertTrue(files.size() >= 7, "bundled scenarios: " + files.size());
        for (BundledFiles.Entry f : files) {
            Scenario s = ScenarioParser.parse(f.text(), f.name());
            assertEquals("runbooks/drills/" + s.id() + ".yaml", f.name());
            assertTrue(!s.mitigations().isEmpty(), f.name());
            assertTrue(s.baselineErrorRatio() < s.slo().errorBudget(), f.name());
        }
    }
}
