package dev.warroom.ui.slo;

import dev.warroom.slo.spec.CheckoutSpec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.metrics.MetricsSource;
import dev.warroom.metrics.PollSettings;
import dev.warroom.metrics.Sample;
import dev.warroom.metrics.Series;
import dev.warroom.metrics.SloMonitor;
import dev.warroom.metrics.SourceException;
import dev.warroom.metrics.SourceHealth;
import dev.warroom.slo.AlertPolicy;
import dev.warroom.slo.Decision;
import dev.warroom.slo.spec.SloSpecs;
import dev.warroom.time.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A monitor's statuses as tiles: decision, objective, sparkline, and why and how long stale. */
class LiveSloFeedTest {
    private static final Instant T0 = Instant.parse("2026-11-20T03:00:00Z");
    private static final String ID = "checkout-requests-availability";
    private static final String SPEC = CheckoutSpec.SLOTH;

    private final VirtualClock clock = new VirtualClock(T0);
    private final RatioSource source = new RatioSource();
    private final SloMonitor monitor = new SloMonitor(source, SloSpecs.read(SPEC, "checkout.yml"),
            AlertPolicy.sreWorkbook(), PollSettings.defaults(), clock, s -> { });
    private final LiveSloFeed feed = new LiveSloFeed(() -> monitor);

    @AfterEach
    void close() {
        monitor.close();
    }

    @Test
    void beforeTheFirstPoll_aTileSaysNoData_andThatItWaits_notThatAValueIsStale() {
        SloReading r = feed.readings().get(0);
        assertEquals(ID, r.slo());
        assertNull(r.decision());
        assertEquals(TileState.NO_DATA, r.state());
        assertTrue(r.isStale());
        assertEquals("no data: waiting for the first poll", r.staleText());
    }

    @Test
    void twoPercentErrors_onA999Slo_isAFreshSev1Tile_withTheObjectiveAndTheSparkline() {
        source.ratio = 0.02;
        monitor.pollOnce(T0);

        SloReading r = feed.readings().get(0);
        assertEquals(ID, r.slo());
        assertEquals(Decision.State.PAGE, r.decision().state());
        assertEquals(TileState.SEV1, r.state());
        assertFalse(r.isStale(), r.staleText());
        assertEquals(0.999, r.objective(), 1e-12);
        assertEquals(SloMonitor.SPARKLINE_SPAN, r.span());
        assertEquals(T0, r.at());
        assertEquals(List.of(0.98), r.sparkline().stream().map(v -> Math.round(v * 1000) / 1000.0).toList());
        assertFalse(feed.drill(), "live data is production, never a drill");
    }

    @Test
    void sourceFails_keepsTheLastDecision_markedStaleWithItsAgeAndTheSourcesReason() {
        source.ratio = 0.02;
        monitor.pollOnce(T0);
        clock.advance(Duration.ofSeconds(15));
        source.failure = new SourceException(SourceException.Failure.UNAVAILABLE, "503 from prom: overloaded");
        monitor.pollOnce(clock.instant());
        clock.advance(Duration.ofSeconds(15));

        SloReading r = feed.readings().get(0);
        assertEquals(TileState.SEV1, r.state(), "the last good decision stays on the tile");
        assertEquals("stale 30s: 503 from prom: overloaded", r.staleText());
    }

    @Test
    void neverAnswered_saysNoDataWithTheReason_withoutAnAge() {
        source.failure = new SourceException(SourceException.Failure.UNREACHABLE, "prom unreachable: connection refused");
        monitor.pollOnce(T0);

        SloReading r = feed.readings().get(0);
        assertEquals(TileState.NO_DATA, r.state());
        assertEquals("no data: prom unreachable: connection refused", r.staleText());
    }

    @Test
    void noMonitor_noTiles() {
        assertEquals(List.of(), new LiveSloFeed(() -> null).readings());
    }

    @Test
    void consoleFeed_showsTheDrillWhileOneRuns_andTheLiveSlosOtherwise() {
        source.ratio = 0.0;
        monitor.pollOnce(T0);
        SloReading drilled = SloReading.fresh("chat-availability", null, 0.99, List.of(), Duration.ZERO, T0);
        List<List<SloReading>> drill = new java.util.ArrayList<>(List.of(List.of(drilled)));
        ConsoleSloFeed console = new ConsoleSloFeed(() -> drill.get(0), feed);

        assertEquals(List.of("chat-availability"), console.readings().stream().map(SloReading::slo).toList());
        assertTrue(console.drill());
        drill.set(0, List.of());
        assertEquals(List.of(ID), console.readings().stream().map(SloReading::slo).toList());
        assertFalse(console.drill(), "live tiles are never badged DRILL");
    }

    /** Answers the batched SLO queries with {@link #ratio} as Prometheus would, or fails. */
    private static final class RatioSource implements MetricsSource {
        volatile double ratio;
        volatile SourceException failure;

        @Override
        public String name() {
            return "prom";
        }

        @Override
        public List<Sample> instant(String promql, Instant at) throws SourceException {
            if (failure != null) {
                throw failure;
            }
            Instant when = at == null ? T0 : at;
            if (promql.startsWith("group by (sloth_id")) {
                return List.of();
            }
            return List.of(new Sample(Map.of("warroom_slo", ID), when, ratio),
                    new Sample(Map.of("warroom_events", ID), when, 50));
        }

        @Override
        public List<Series> range(String promql, Instant start, Instant end, Duration step) {
            return List.of();
        }

        @Override
        public SourceHealth health() {
            return new SourceHealth("prom", true, true, "2.53.0", null, T0);
        }
    }
}
