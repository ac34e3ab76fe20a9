package dev.warroom.metrics;

import dev.warroom.slo.spec.CheckoutSpec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.incident.Severity;
import dev.warroom.slo.AlertPolicy;
import dev.warroom.slo.Decision;
import dev.warroom.slo.spec.SloDefinition;
import dev.warroom.slo.spec.SloSpecs;
import dev.warroom.time.VirtualClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Live SLOs from a source: the plan, the policy on every poll, last good values and why they went stale. */
class SloMonitorTest {
    private static final Instant T0 = Instant.parse("2026-11-20T03:00:00Z");
    private static final String SPEC = CheckoutSpec.SLOTH;

    private final VirtualClock clock = new VirtualClock(T0);
    private final FakeSource source = new FakeSource();
    private final List<SloDefinition> definitions = SloSpecs.read(SPEC, "checkout.yml");
    private SloMonitor monitor;

    @AfterEach
    void close() {
        if (monitor != null) {
            monitor.close();
        }
    }

    private SloMonitor monitor() {
        monitor = new SloMonitor(source, definitions, AlertPolicy.sreWorkbook(), PollSettings.defaults(), clock, s -> { });
        return monitor;
    }

    @Test
    void fastBurnOnEveryWindow_pagesSev1_fromTheSlosOwnQueries() {
        source.ratio = 0.02; // 20x the 0.1% budget
        SloMonitor m = monitor();
        m.pollOnce(T0);

        SloMonitor.Status s = m.statuses().get(0);
        assertEquals(Decision.State.PAGE, s.decision().state());
        assertEquals(Severity.SEV1, s.decision().severity());
        assertFalse(s.freshness().isStale());
        assertFalse(m.usesRecordingRules(), "no Sloth rules answered the discovery query");
        assertEquals(8, m.requestsPerPoll(), "one batched request per window, whatever the number of SLOs");
    }

    @Test
    void sourceFails_keepsTheLastGoodDecision_markedStaleWithTheReason_andRecovers() {
        source.ratio = 0.0005;
        SloMonitor m = monitor();
        m.pollOnce(T0);
        assertEquals(Decision.State.OK, m.statuses().get(0).decision().state());

        clock.advance(Duration.ofSeconds(15));
        source.failure = new SourceException(SourceException.Failure.UNAVAILABLE, "503 from prom: overloaded");
        m.pollOnce(clock.instant());
        clock.advance(Duration.ofSeconds(15));
        SloMonitor.Status stale = m.statuses().get(0);
        assertEquals(Decision.State.OK, stale.decision().state(), "the last good decision stays on the tile");
        assertTrue(stale.freshness().isStale());
        assertEquals("503 from prom: overloaded", stale.freshness().staleReason());
        assertEquals(Duration.ofSeconds(30), stale.freshness().age(), "age of the last good value");

        source.failure = null;
        m.pollOnce(clock.instant());
        assertFalse(m.statuses().get(0).freshness().isStale());
    }

    @Test
    void noSeries_isNoData_neverOk() {
        source.ratio = Double.NaN;
        SloMonitor m = monitor();
        m.pollOnce(T0);
        SloMonitor.Status s = m.statuses().get(0);
        assertEquals(Decision.State.NO_DATA, s.decision().state());
        assertTrue(s.freshness().isStale());
        assertTrue(s.freshness().staleReason().startsWith("no data"), s.freshness().staleReason());
    }

    @Test
    void slothRecordingRules_whenPrometheusHasThem_areReadInsteadOneQueryPerWindow() {
        source.ratio = 0.0005;
        source.slothRules = true;
        SloMonitor m = monitor();
        m.pollOnce(T0);
        assertTrue(m.usesRecordingRules());
        assertTrue(source.asked.stream().anyMatch(q -> q.startsWith("slo:sli_error:ratio_rate5m")), source.asked.toString());
        assertEquals(Decision.State.OK, m.statuses().get(0).decision().state());
    }

    @Test
    void statusBeforeAnyPoll_hasNoDecision_andSaysNoValueYet() {
        SloMonitor m = monitor();
        SloMonitor.Status s = m.statuses().get(0);
        assertNull(s.decision());
        assertEquals(FreshnessTracker.NO_VALUE_YET, s.freshness().staleReason());
    }

    @Test
    void evaluateAtOneInstant_passesTheInstantToEveryQuery() throws Exception {
        source.ratio = 0.02;
        Instant at = Instant.parse("2026-11-19T12:00:00Z");
        SloMonitor.Evaluation e = SloMonitor.evaluate(source, definitions, AlertPolicy.sreWorkbook(), at, Clock.systemUTC());
        assertEquals(Decision.State.PAGE, e.statuses().get(0).decision().state());
        assertTrue(source.ats.stream().allMatch(at::equals), source.ats.toString());
        assertEquals(9, e.requests(), "discovery plus one per window");
    }

    @Test
    void aPolicyWithoutA5mWindow_drawsTheSparklineFromItsShortestWindow() {
        source.ratio = 0.001;
        AlertPolicy slow = new AlertPolicy(List.of(new dev.warroom.slo.WindowPair(Severity.SEV2,
                dev.warroom.slo.WindowPair.Action.PAGE, Duration.ofHours(6), Duration.ofMinutes(30), 5)), 0);
        monitor = new SloMonitor(source, definitions, slow, PollSettings.defaults(), clock, s -> { });
        monitor.pollOnce(T0);
        assertEquals(List.of(0.999), monitor.statuses().get(0).sparkline(), "SLI of the 30m window");
    }

    /** Answers every SLO query with {@link #ratio}, as Prometheus would for a label_replace batch or Sloth's rules. */
    private static final class FakeSource implements MetricsSource {
        volatile double ratio = 0;
        volatile boolean slothRules;
        volatile SourceException failure;
        final List<String> asked = new ArrayList<>();
        final List<Instant> ats = new ArrayList<>();
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public String name() {
            return "fake";
        }

        @Override
        public synchronized List<Sample> instant(String promql, Instant at) throws SourceException {
            calls.incrementAndGet();
            asked.add(promql);
            ats.add(at);
            if (failure != null) {
                throw failure;
            }
            Instant when = at == null ? T0 : at;
            if (promql.equals(SloQueries.SLOTH_DISCOVERY)) {
                if (!slothRules) {
                    return List.of();
                }
                List<Sample> found = new ArrayList<>();
                for (String w : List.of("5m", "30m", "1h", "2h", "6h", "1d", "3d", "30d")) {
                    found.add(new Sample(Map.of("sloth_id", "checkout-requests-availability", "sloth_window", w), when, 1));
                }
                return found;
            }
            if (Double.isNaN(ratio)) {
                return List.of();
            }
            if (promql.startsWith(SloQueries.RULE_PREFIX)) {
                return List.of(new Sample(Map.of("sloth_id", "checkout-requests-availability"), when, ratio));
            }
            return List.of(new Sample(Map.of(SloQueries.SLO_LABEL, "checkout-requests-availability"), when, ratio),
                    new Sample(Map.of(SloQueries.EVENTS_LABEL, "checkout-requests-availability"), when, 50));
        }

        @Override
        public List<Series> range(String promql, Instant start, Instant end, Duration step) {
            return List.of();
        }

        @Override
        public SourceHealth health() {
            return new SourceHealth("fake", true, true, "2.42.0", null, T0);
        }
    }
}
