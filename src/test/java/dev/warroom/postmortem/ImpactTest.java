package dev.warroom.postmortem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.incident.EventPayload;
import dev.warroom.incident.Severity;
import dev.warroom.incident.TimelineEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImpactTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final double MINUTES_30D = 30 * 24 * 60;

    private final List<TimelineEvent> events = new ArrayList<>();

    private void at(int minute, EventPayload payload) {
        events.add(new TimelineEvent("INC-0001", events.size() + 1, T0.plus(Duration.ofMinutes(minute)), "x", payload));
    }

    private static EventPayload.SliObserved reading(String window, long requests, long bad) {
        return new EventPayload.SliObserved("api", 1 - bad / (double) requests, 0.99, window, requests, bad);
    }

    @Test
    void overlappingWindowsCountOnlyTheirNewPartAndGapsAreEstimated() {
        at(10, reading("5m", 1000, 100));   // [5, 10] at 10x
        at(20, reading("2m", 400, 40));     // [18, 20] at 10x
        at(21, reading("4m", 800, 8));      // [17, 21]: only [17, 18] and [20, 21] are new, at 1x

        Impact impact = Impact.from(events);

        assertEquals(100 + 40 + 8 * 2 / 4.0, impact.badMeasured(), 1e-9);
        assertEquals(1000 + 400 + 800 * 2 / 4.0, impact.requestsMeasured(), 1e-9);
        assertEquals(Duration.ofMinutes(9), impact.measured());
        assertEquals(Duration.ofMinutes(16), impact.span());
        // the gap [10, 17] is filled at the 20-a-minute rate of the reading before it
        assertEquals(impact.badMeasured() + 7 * 20, impact.badEstimated(), 1e-9);
        assertEquals((10 * 5 + 1 + 10 * 2 + 1) / MINUTES_30D, impact.consumedMeasured(), 1e-12);
        assertEquals((10 * 5 + 1 + 10 * 2 + 1 + 10 * 7) / MINUTES_30D, impact.consumedEstimated(), 1e-12);
        assertTrue(impact.periodAssumed(), "no alert said which period");
        assertEquals(10, impact.peakBurn(), 1e-9);
        assertEquals(0.9, impact.lowestSli(), 1e-12);
        assertEquals(T0.plus(Duration.ofMinutes(10)), impact.lowestSliAt());
        assertTrue(Double.isNaN(impact.budgetLeftAfter()));
    }

    @Test
    void theAlertGivesThePeriodAndTheBudgetBeforeWhatBurntAfterIt() {
        at(10, reading("5m", 1000, 100));
        at(10, new EventPayload.AlertFired("ApiBurn", "api", Severity.SEV1, "page", "1h/5m", 12, 30, 14.4, 0.6,
                "Sev-1 page: burning 12x over 1h: at this rate the 60% left of the 28-day budget is gone in 2 days"));
        at(14, reading("2m", 400, 4));      // [12, 14] at 1x; gap [10, 12] at 10x

        Impact impact = Impact.from(events);

        assertEquals(Duration.ofDays(28), impact.period());
        assertFalse(impact.periodAssumed());
        assertEquals(30, impact.peakBurn(), 1e-9, "the alert's short window burnt fastest");
        assertEquals("5m", impact.peakBurnWindow());
        double minutes28d = 28 * 24 * 60;
        assertEquals((10 * 2 + 1 * 2) / minutes28d, impact.consumedAfterAlert(), 1e-12);
        assertEquals(0.6 - impact.consumedAfterAlert(), impact.budgetLeftAfter(), 1e-12);
    }

    @Test
    void readingsWithoutCountsStillGiveTheLowestSliButNoRequests() {
        at(0, new EventPayload.SliObserved("api", 0.95, 0.99, "5m"));
        at(5, new EventPayload.SliObserved("api", 0.97, 0.99, "5m"));

        Impact impact = Impact.from(events);

        assertFalse(impact.hasCounts());
        assertEquals(0.95, impact.lowestSli(), 1e-12);
        assertEquals(5, impact.peakBurn(), 1e-9);
        assertEquals(0, impact.badMeasured());
    }
}
