package dev.warroom.ui.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.drill.LiveDrill;
import dev.warroom.ui.console.ConsoleFixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SloBoardViewModelTest {
    private final ConsoleFixtures fixtures = new ConsoleFixtures();

    private SloBoardViewModel drillBoard() {
        return new SloBoardViewModel(new DrillSloFeed(fixtures.state), fixtures.services.background(),
                fixtures.services.fxThread());
    }

    @Test
    void refresh_drillMidway_showsASev1TileForChatAvailability() {
        SloBoardViewModel board = drillBoard();
        fixtures.drillMidway();
        board.refresh();
        assertEquals(1, board.getReadings().size());
        SloReading r = board.getReadings().get(0);
        assertEquals("chat-availability", r.slo());
        assertEquals(TileState.SEV1, r.state());
        assertEquals("SEV-1", r.state().word());
        assertFalse(r.isStale());
        assertEquals(0.999, r.objective());
        assertEquals(1, r.sparkline().size());
        assertTrue(r.decision().explanation().startsWith("Sev-1 page"), r.decision().explanation());
        assertTrue(board.drillProperty().get());
        assertFalse(board.emptyProperty().get());
        assertEquals("1 SEV-1", board.summaryProperty().get());
    }

    @Test
    void refresh_withoutADrill_isEmpty_withThePlaceholder() {
        SloBoardViewModel board = drillBoard();
        board.refresh();
        assertTrue(board.emptyProperty().get());
        assertEquals(List.of(), board.getReadings());
        assertFalse(board.drillProperty().get());
        assertEquals("No SLOs: start a drill or add a data source", SloBoardViewModel.PLACEHOLDER);
    }

    @Test
    void refresh_samplesTheDrillSliOncePerDrillMinute_forTheSparkline() {
        SloBoardViewModel board = drillBoard();
        LiveDrill drill = fixtures.drill("provider-outage");
        for (int i = 0; i < 15; i++) {
            board.refresh();
            board.refresh();
            drill.advance(Duration.ofMinutes(1));
        }
        List<Double> line = board.getReadings().get(0).sparkline();
        assertEquals(15, line.size(), "two reads in the same drill minute add one point");
        assertTrue(line.get(0) > 0.999, "healthy before the failure: " + line.get(0));
        assertTrue(line.get(14) < 0.9, "the outage shows at the end: " + line.get(14));
    }

    @Test
    void refresh_whenAnotherDrillStarts_restartsTheHistory() {
        SloBoardViewModel board = drillBoard();
        LiveDrill first = fixtures.drill("provider-outage");
        board.refresh();
        first.advance(Duration.ofMinutes(2));
        board.refresh();
        assertEquals(2, board.getReadings().get(0).sparkline().size());
        fixtures.drill("provider-outage");
        board.refresh();
        assertEquals(1, board.getReadings().get(0).sparkline().size());
    }

    @Test
    void publish_sortsWorstFirst_staleFirstAmongEquals_andSumsUp() {
        SloBoardViewModel board = new SloBoardViewModel(List::of, Runnable::run, Runnable::run);
        List<SloReading> in = new ArrayList<>(SloFixtures.board());
        in.add(renamed(SloFixtures.ticket(), "a-ticket"));
        board.publish(SloBoardViewModel.sorted(in), false);
        assertEquals(List.of("chat-availability", "checkout-latency", "payments-webhooks", "a-ticket",
                "export-freshness", "search-latency"), board.getReadings().stream().map(SloReading::slo).toList());
        assertEquals("1 SEV-1 \u00B7 1 SEV-2 \u00B7 2 ticket \u00B7 1 no data \u00B7 1 ok \u00B7 1 stale",
                board.summaryProperty().get());
    }

    @Test
    void refresh_whileAReadIsInFlight_isDropped_soASlowSourceNeverQueuesWork() {
        List<Runnable> queued = new ArrayList<>();
        AtomicInteger reads = new AtomicInteger();
        SloBoardViewModel board = new SloBoardViewModel(() -> {
            reads.incrementAndGet();
            return List.of(SloFixtures.ok());
        }, queued::add, Runnable::run);
        board.refresh();
        board.refresh();
        assertEquals(1, queued.size());
        queued.get(0).run();
        assertEquals(1, reads.get());
        assertEquals(1, board.getReadings().size());
        board.refresh();
        assertEquals(2, queued.size());
    }

    @Test
    void refresh_whenTheFeedFails_saysWhy_andKeepsTheLastReadings() {
        boolean[] fail = {false};
        SloBoardViewModel board = new SloBoardViewModel(() -> {
            if (fail[0]) {
                throw new IllegalStateException("prometheus unreachable");
            }
            return List.of(SloFixtures.sev2());
        }, Runnable::run, Runnable::run);
        board.refresh();
        fail[0] = true;
        board.refresh();
        assertEquals("SLO board: prometheus unreachable", board.errorProperty().get());
        assertEquals("checkout-latency", board.getReadings().get(0).slo());
        fail[0] = false;
        board.refresh();
        assertEquals("", board.errorProperty().get());
    }

    private static SloReading renamed(SloReading r, String name) {
        return new SloReading(name, r.decision(), r.objective(), r.sparkline(), r.span(), r.at(), r.age(), r.staleReason());
    }
}
