package dev.warroom.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.metrics.SourceException.Failure;
import dev.warroom.time.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FreshnessTrackerTest {
    private static final Instant T0 = Instant.parse("2026-03-04T02:00:00Z");
    private static final Duration INTERVAL = Duration.ofSeconds(15);
    private static final String KEY = "slo:sli_error:ratio_rate5m{slo=\"checkout\"}";

    private final FreshnessTracker tracker = new FreshnessTracker(PollSettings.every(INTERVAL));

    private static PollResult cycle(Instant at, QueryOutcome... outcomes) {
        return new PollResult("prom", at, List.of(outcomes), Duration.ZERO, outcomes.length);
    }

    private static Sample sample(Instant at, double v) {
        return new Sample(Map.of(), at, v);
    }

    @Test
    void goodValue_isFresh_withItsAge() {
        tracker.good(KEY, T0);

        Freshness f = tracker.at(KEY, T0.plusSeconds(12));

        assertFalse(f.isStale());
        assertNull(f.staleReason());
        assertEquals(T0, f.lastGoodAt());
        assertEquals(Duration.ofSeconds(12), f.age());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "UNAVAILABLE  | 503 from prom: overloaded",
        "TIMEOUT      | timeout after 10s",
        "UNREACHABLE  | prom unreachable: connection refused",
        "UNAUTHORIZED | 401 from prom: check the token",
        "BAD_QUERY    | 400 from prom: 1:5: parse error",
        "MALFORMED    | prom answered garbage: not JSON",
    })
    void failedAttempt_isStaleAtOnce_withTheFailuresMessage_andTheAgeOfTheLastGoodValue(Failure failure,
                                                                                      String message) {
        tracker.record(cycle(T0, QueryOutcome.answered(KEY, List.of(sample(T0, 0.001)))));
        tracker.record(cycle(T0.plus(INTERVAL), QueryOutcome.failed(KEY, new SourceException(failure, message))));

        Freshness f = tracker.at(KEY, T0.plusSeconds(20));

        assertTrue(f.isStale());
        assertEquals(message, f.staleReason());
        assertEquals(Duration.ofSeconds(20), f.age());
        assertEquals(T0, f.lastGoodAt());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "UNREACHABLE  | unreachable",
        "TIMEOUT      | timeout",
        "UNAVAILABLE  | unavailable",
        "UNAUTHORIZED | unauthorized",
        "BAD_QUERY    | bad query",
        "MALFORMED    | malformed answer",
    })
    void failureWithoutAMessage_isWordedByItsKind(Failure failure, String reason) {
        tracker.failed(KEY, T0, new SourceException(failure, " "));

        assertEquals(reason, tracker.at(KEY, T0).staleReason());
    }

    @Test
    void emptyAnswer_isStale_asNoData() {
        tracker.record(cycle(T0, QueryOutcome.answered(KEY, List.of(sample(T0, 1)))));
        tracker.record(cycle(T0.plus(INTERVAL), QueryOutcome.answered(KEY, List.of())));

        Freshness f = tracker.at(KEY, T0.plus(INTERVAL));

        assertEquals("no data", f.staleReason());
        assertEquals(INTERVAL, f.age());
    }

    @Test
    void valueThatStopsComing_turnsStaleAfterTwoIntervals() {
        tracker.good(KEY, T0);

        assertFalse(tracker.at(KEY, T0.plus(INTERVAL)).isStale());
        assertFalse(tracker.at(KEY, T0.plus(INTERVAL.multipliedBy(2))).isStale(), "two intervals are tolerated");
        Freshness late = tracker.at(KEY, T0.plus(INTERVAL.multipliedBy(2)).plusMillis(1));
        assertTrue(late.isStale());
        assertEquals("no new value in 30s", late.staleReason());
        assertEquals(Duration.ofMillis(30_001), late.age());
    }

    @Test
    void nextGoodValue_clearsStaleness() {
        tracker.good(KEY, T0);
        tracker.failed(KEY, T0.plus(INTERVAL), "503 from prom: overloaded");
        assertTrue(tracker.at(KEY, T0.plusSeconds(16)).isStale());

        tracker.good(KEY, T0.plus(INTERVAL.multipliedBy(2)));

        Freshness f = tracker.at(KEY, T0.plus(INTERVAL.multipliedBy(2)));
        assertFalse(f.isStale());
        assertEquals(Duration.ZERO, f.age());
    }

    @Test
    void neverGood_isStale_withoutAnAge() {
        Freshness unknown = tracker.at(KEY, T0);
        assertEquals("no value yet", unknown.staleReason());
        assertFalse(unknown.hasValue());
        assertNull(unknown.age());

        tracker.failed(KEY, T0, "401 from prom: check the token");
        Freshness failed = tracker.at(KEY, T0.plusSeconds(5));
        assertEquals("401 from prom: check the token", failed.staleReason());
        assertNull(failed.lastGoodAt());
        assertNull(failed.age());
    }

    @Test
    void attemptOlderThanTheLastOne_isIgnored() {
        tracker.good(KEY, T0.plus(INTERVAL));
        tracker.failed(KEY, T0, "timeout after 10s");

        Freshness f = tracker.at(KEY, T0.plus(INTERVAL));
        assertFalse(f.isStale());
        assertEquals(T0.plus(INTERVAL), f.lastGoodAt());
    }

    @Test
    void all_listsEveryKey_andForgetDropsOne() {
        tracker.good("a", T0);
        tracker.failed("b", T0, "no data");

        Map<String, Freshness> all = tracker.all(T0.plusSeconds(1));
        assertEquals(List.of("a", "b"), List.copyOf(all.keySet()));
        assertFalse(all.get("a").isStale());
        assertTrue(all.get("b").isStale());

        tracker.forget("a");
        assertEquals(List.of("b"), List.copyOf(tracker.all(T0).keySet()));
    }

    @Test
    void freshness_refusesAFreshValueItNeverHad() {
        assertThrows(IllegalArgumentException.class, () -> new Freshness(KEY, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new Freshness(KEY, T0, null, null));
    }

    /** The poller feeding the tracker: failure, recovery, and a query dropped from the plan. */
    @Test
    void fedByAPoller_staleOnFailure_freshOnRecovery_staleWhenNoLongerPolled() {
        VirtualClock clock = new VirtualClock(T0);
        PollerTestSource source = new PollerTestSource("prom");
        AtomicReference<List<String>> plan = new AtomicReference<>(List.of(KEY, "up"));
        try (Poller poller = new Poller(source, plan::get, PollSettings.every(INTERVAL), clock,
                new SplittableRandom(3), tracker::record)) {
            poller.runOnce(clock.instant());
            assertFalse(tracker.at(KEY, clock.instant()).isStale());

            clock.advance(INTERVAL);
            source.on(KEY, PollerTestSource.fail(Failure.UNAVAILABLE, "503 from prom: overloaded"));
            poller.runOnce(clock.instant());
            Freshness failing = tracker.at(KEY, clock.instant().plusSeconds(1));
            assertEquals("503 from prom: overloaded", failing.staleReason());
            assertEquals(Duration.ofSeconds(16), failing.age());
            assertFalse(tracker.at("up", clock.instant()).isStale(), "staleness is per key");

            clock.advance(INTERVAL);
            source.on(KEY, PollerTestSource.value(0.002));
            poller.runOnce(clock.instant());
            assertFalse(tracker.at(KEY, clock.instant()).isStale());

            plan.set(List.of("up"));
            for (int i = 0; i < 3; i++) {
                clock.advance(INTERVAL);
                poller.runOnce(clock.instant());
            }
            Freshness dropped = tracker.at(KEY, clock.instant());
            assertEquals("no new value in 30s", dropped.staleReason());
            assertEquals(Duration.ofSeconds(45), dropped.age());
            assertFalse(tracker.at("up", clock.instant()).isStale());
        }
    }
}
