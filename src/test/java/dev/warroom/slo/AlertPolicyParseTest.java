package dev.warroom.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.warroom.incident.Severity;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AlertPolicyParseTest {

    @Test
    void workbookWrittenAsYaml_equalsTheBuiltInPolicy() {
        AlertPolicy parsed = AlertPolicy.parse("""
                min_events_to_page: 100
                pairs:
                  - {severity: sev1, action: page, long_window: 1h, short_window: 5m, budget_percent: 2}
                  - {severity: sev2, action: page, long_window: 6h, short_window: 30m, budget_percent: 5}
                  - {severity: sev3, action: ticket, long_window: 1d, short_window: 2h, budget_percent: 10}
                  - {severity: sev3, action: ticket, long_window: 3d, short_window: 6h, budget_percent: 10}
                """, "team.yaml");
        assertEquals(AlertPolicy.sreWorkbook(), parsed);
    }

    @Test
    void customPolicy_twoPairsAndItsOwnGuard() {
        AlertPolicy parsed = AlertPolicy.parse("""
                min_events_to_page: 20
                pairs:
                  - {severity: sev2, action: page, long_window: 2h, short_window: 10m, budget_percent: 4}
                  - {severity: sev3, action: ticket, long_window: 7d, short_window: 12h, budget_percent: 25}
                """, "team.yaml");
        assertEquals(20, parsed.minEventsToPage());
        assertEquals(2, parsed.pairs().size());
        WindowPair page = parsed.pairs().get(0);
        assertEquals(Severity.SEV2, page.severity());
        assertEquals(Duration.ofHours(2), page.longWindow());
        assertEquals(14.4, page.factor(Duration.ofDays(30)), 1e-9, "4% of 720h in 2h");
    }

    @Test
    void mistakes_nameTheFileLineAndField() {
        IllegalArgumentException action = assertThrows(IllegalArgumentException.class, () -> AlertPolicy.parse("""
                pairs:
                  - {severity: sev1, action: page, long_window: 1h, short_window: 5m, budget_percent: 2}
                  - {severity: sev2, action: wake-everyone, long_window: 6h, short_window: 30m, budget_percent: 5}
                """, "team.yaml"));
        assertEquals("team.yaml:3: pairs[1].action: must be page or ticket", action.getMessage());

        IllegalArgumentException window = assertThrows(IllegalArgumentException.class, () -> AlertPolicy.parse("""
                pairs:
                  - severity: sev1
                    action: page
                    long_window: 5m
                    short_window: 1h
                    budget_percent: 2
                """, "team.yaml"));
        assertEquals("team.yaml:2: pairs[0]: short window 1h must be shorter than the long window 5m",
                window.getMessage());

        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> AlertPolicy.parse("min_events_to_page: 5\n", "team.yaml"));
        assertEquals("team.yaml:1: expected 'pairs:' with at least one window pair", none.getMessage());
    }
}
