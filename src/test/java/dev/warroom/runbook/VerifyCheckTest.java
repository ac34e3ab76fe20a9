package dev.warroom.runbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VerifyCheckTest {

    @Test
    void sliThreshold_passesAtAndAboveIt() {
        VerifyCheck check = VerifyCheck.parse("sli >= 0.85");
        assertEquals(VerifyCheck.Subject.SLI, check.subject());
        assertEquals(VerifyCheck.Comparison.GE, check.comparison());
        assertEquals(0.85, check.threshold());
        assertNull(check.query());
        assertTrue(check.passes(0.85));
        assertFalse(check.passes(0.8499));
        assertFalse(check.passes(Double.NaN), "no data never passes");
    }

    @Test
    void promql_takesTheLastComparison_soQueriesMayCompareInside() {
        VerifyCheck check = VerifyCheck.parse(
                "promql: sum(rate(http_requests_total{code=~\"5..\"}[5m]) > 0) / sum(rate(http_requests_total[5m])) < 0.05");
        assertEquals(VerifyCheck.Subject.PROMQL, check.subject());
        assertEquals("sum(rate(http_requests_total{code=~\"5..\"}[5m]) > 0) / sum(rate(http_requests_total[5m]))",
                check.query());
        assertEquals(VerifyCheck.Comparison.LT, check.comparison());
        assertEquals(0.05, check.threshold());
        assertTrue(check.passes(0.01));
        assertFalse(check.passes(0.05));
    }

    @Test
    void errorRatio_andScientificThresholds() {
        VerifyCheck check = VerifyCheck.parse("error_ratio<1e-3");
        assertEquals(VerifyCheck.Subject.ERROR_RATIO, check.subject());
        assertEquals(0.001, check.threshold());
        assertTrue(check.passes(0.0005));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "sli", "sli >= high", "latency < 0.5", "sli >= 1.5", "promql: < 0.05",
            "promql: sum(rate(x[5m]) < 0.05", "promql: x{job=\"a} > 1", "promql: x] > 1"})
    void malformed_isRefusedWithAnExample(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VerifyCheck.parse(text));
        assertFalse(e.getMessage().isBlank());
    }
}
