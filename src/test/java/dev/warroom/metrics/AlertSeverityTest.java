package dev.warroom.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.incident.Severity;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AlertSeverityTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "sev0, SEV0", "sev1, SEV1", "sev2, SEV2", "sev3, SEV3",
            "SEV-1, SEV1", "Sev-0, SEV0", "'  sev 2 ', SEV2", "sev_3, SEV3",
            "critical, SEV1", "CRITICAL, SEV1", "page, SEV1",
            "error, SEV2", "high, SEV2",
            "warning, SEV3", "ticket, SEV3", "info, SEV3", "Warning, SEV3"})
    void documentedSpellings_mapToTheirSeverity(String value, Severity expected) {
        AlertSeverity s = AlertSeverity.of(Map.of("severity", value));
        assertEquals(expected, s.severity());
        assertEquals("severity=" + value.strip(), s.label());
        assertFalse(s.guessed(), "a known value needs no note");
        assertNull(s.note());
    }

    @ParameterizedTest
    @ValueSource(strings = {"urgent", "sev4", "sev-", "p1", "1", "s1", "low", "criticality"})
    void unknownValue_isSev2_withANoteNamingIt(String value) {
        AlertSeverity s = AlertSeverity.of(Map.of("severity", value));
        assertEquals(Severity.SEV2, s.severity());
        assertTrue(s.guessed());
        assertNull(s.label());
        assertTrue(s.note().contains("severity=" + value), s.note());
        assertTrue(s.note().contains("Sev-2"), s.note());
    }

    @ParameterizedTest
    @NullAndEmptySource
    void noLabels_isSev2_withANoteSayingThereWasNone(Map<String, String> labels) {
        AlertSeverity s = AlertSeverity.of(labels);
        assertEquals(Severity.SEV2, s.severity());
        assertEquals("the alert has no severity or sloth_severity label, so it was declared Sev-2;"
                + " set the severity by hand if that is wrong", s.note());
    }

    @Test
    void slothSeverity_isRead_whenSeverityIsMissingOrUnknown() {
        assertEquals(Severity.SEV1, AlertSeverity.of(Map.of("sloth_severity", "page")).severity());
        assertEquals(Severity.SEV3, AlertSeverity.of(Map.of("sloth_severity", "ticket")).severity());
        AlertSeverity fallback = AlertSeverity.of(Map.of("severity", "urgent", "sloth_severity", "page"));
        assertEquals(Severity.SEV1, fallback.severity());
        assertEquals("sloth_severity=page", fallback.label());
    }

    @Test
    void severityLabel_winsOverSlothSeverity() {
        AlertSeverity s = AlertSeverity.of(Map.of("severity", "warning", "sloth_severity", "page"));
        assertEquals(Severity.SEV3, s.severity());
        assertEquals("severity=warning", s.label());
    }

    @Test
    void blankValues_countAsMissing_andBothUnknownValuesAreNamed() {
        Map<String, String> labels = new HashMap<>();
        labels.put("severity", "  ");
        labels.put("sloth_severity", null);
        assertTrue(AlertSeverity.of(labels).note().startsWith("the alert has no severity"));
        AlertSeverity both = AlertSeverity.of(Map.of("severity", "urgent", "sloth_severity", "meh"));
        assertTrue(both.note().contains("severity=urgent or sloth_severity=meh"), both.note());
    }
}
