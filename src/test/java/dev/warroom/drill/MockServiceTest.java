package dev.warroom.drill;

import dev.warroom.time.VirtualClock;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.slo.EventCounts;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MockServiceTest {
    private static final Instant START = Instant.parse("2026-11-18T02:00:00Z");
    private final Scenario outage = ScenarioLibrary.bundled().require("provider-outage");

    @Test
    void health_isFullBeforeTheFailureThenFallsOverTheRamp() {
        VirtualClock clock = new VirtualClock(START);
        MockService mock = new MockService(outage, clock, 1);
        assertEquals(1.0, mock.health(START.plus(outage.startsAfter()).minusSeconds(1)));
        Instant halfway = START.plus(outage.startsAfter()).plus(outage.ramp().dividedBy(2));
        assertEquals(1.0 - (1.0 - outage.health()) / 2, mock.health(halfway), 1e-9);
        assertEquals(outage.health(), mock.health(START.plus(outage.startsAfter()).plus(outage.ramp())), 1e-9);
    }

    @Test
    void mitigation_restoresHealthOnlyAfterItTakesEffect() {
        VirtualClock clock = new VirtualClock(START.plus(Duration.ofHours(1)));
        MockService mock = new MockService(outage, clock, 1);
        clock.advance(Duration.ofMinutes(30));
        Mitigation first = mock.apply("fail-over-provider");
        Instant applied = clock.instant();
        assertEquals(outage.health(), mock.health(applied), 1e-9);
        assertEquals(outage.health() + first.restores(), mock.health(applied.plus(first.takesEffectAfter())), 1e-9);
        mock.revert("fail-over-provider");
        assertEquals(outage.health(), mock.health(applied.plus(Duration.ofHours(1))), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> mock.apply("no-such-mitigation"));
    }

    @Test
    void windows_readTheHealthyBaselineBeforeTheMockStarted() {
        VirtualClock clock = new VirtualClock(START);
        MockService mock = new MockService(outage, clock, 1);
        clock.advance(Duration.ofMinutes(5));
        EventCounts day = mock.over(Duration.ofDays(1));
        assertEquals(outage.requestsPerSecond() * 86_400, day.total(), outage.requestsPerSecond() * 86_400 * 0.01);
        assertTrue(day.errorRatio() < 0.001, "a healthy day: " + day.errorRatio());
    }

    @Test
    void errorRatio_tracksTheFailureHealth() {
        VirtualClock clock = new VirtualClock(START);
        MockService mock = new MockService(outage, clock, 3);
        clock.advance(outage.startsAfter().plus(outage.ramp()).plus(Duration.ofMinutes(10)));
        double expected = 1 - outage.health() * (1 - outage.baselineErrorRatio());
        assertEquals(expected, mock.over(Duration.ofMinutes(5)).errorRatio(), 0.03);
    }

    @Test
    void shortWindow_afterAMitigationTakesEffect_seesOnlyTheRestoredHealth() {
        // a start off the 10-second sample grid: readings must not blur across the moment of effect
        VirtualClock clock = new VirtualClock(START.plusSeconds(7));
        MockService mock = new MockService(outage, clock, 9);
        clock.advance(outage.startsAfter().plus(outage.ramp()).plus(Duration.ofMinutes(3)));
        for (Mitigation m : outage.mitigations()) {
            mock.apply(m.id());
        }
        Duration effect = outage.mitigations().stream().map(Mitigation::takesEffectAfter).max(Duration::compareTo)
                .orElseThrow();
        clock.advance(effect.plus(Duration.ofMinutes(2)));
        EventCounts window = mock.over(Duration.ofMinutes(2));
        assertTrue(window.bad() <= 6, "about one bad request expected at the baseline, got " + window.bad()
                + " of " + window.total());
    }

    @Test
    void sameSeed_drawsTheSameCounters() {
        long[] a = countersAfter(5);
        long[] b = countersAfter(5);
        assertArrayEquals(a, b);
        assertTrue(a[0] > 0 && a[1] > 0);
    }

    private long[] countersAfter(long seed) {
        VirtualClock clock = new VirtualClock(START);
        MockService mock = new MockService(outage, clock, seed);
        clock.advance(Duration.ofMinutes(30));
        return mock.counters();
    }
}
