package dev.warroom.ui.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.drill.LiveDrill;
import dev.warroom.incident.IncidentState;
import dev.warroom.ui.console.ConsoleFixtures;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DrillsViewModelTest {
    private final ConsoleFixtures fixtures = new ConsoleFixtures();
    /** An hour between ticks: the drill only moves when the test advances it. */
    private final DrillsViewModel vm = new DrillsViewModel(fixtures.services, fixtures.state, Duration.ofHours(1), "li");

    @AfterEach
    void stopTicker() {
        LiveDrill drill = fixtures.state.getActiveDrill();
        if (drill != null) {
            drill.close();
        }
        fixtures.scheduler.shutdownNow();
    }

    @Test
    void scenarios_listTitleTierAndSummary() {
        ScenarioRow outage = vm.scenarios().stream().filter(r -> r.id().equals("provider-outage")).findFirst().orElseThrow();
        assertEquals("Model provider outage (503s)", outage.title());
        assertEquals("Sev-1", outage.tier());
        assertEquals("sev-1", outage.tierStyleClass());
        assertFalse(outage.summary().isBlank());
        assertEquals(fixtures.services.scenarios().all().size(), vm.scenarios().size());
    }

    @Test
    void start_makesTheDrillActive_onItsOwnClockFromWallNow_atTheChosenSpeed() {
        vm.select("provider-outage");
        vm.speedProperty().set(300.0);
        assertTrue(vm.canStartProperty().get());

        vm.start();

        LiveDrill drill = fixtures.state.getActiveDrill();
        assertNotNull(drill);
        assertTrue(drill.running(), "ticking on the console's scheduler");
        assertEquals(300.0, drill.speed());
        assertEquals(ConsoleFixtures.NOW, drill.clock().instant());
        assertTrue(vm.drillingProperty().get());
        assertFalse(vm.canStartProperty().get(), "one drill at a time");
        assertEquals("300x", vm.speedTextProperty().get());
        assertEquals("00:00:00", vm.elapsedProperty().get());
        assertTrue(vm.phaseProperty().get().startsWith("Healthy so far"), vm.phaseProperty().get());

        drill.advance(Duration.ofMinutes(9));
        vm.refresh();
        assertEquals("00:09:00", vm.elapsedProperty().get());
        assertTrue(vm.sliProperty().get().endsWith("%"), vm.sliProperty().get());
        assertFalse(vm.sliBelowObjectiveProperty().get(), "healthy before the failure: " + vm.sliProperty().get());
        assertNull(fixtures.state.getSelectedIncident());
        assertEquals(ConsoleFixtures.NOW, fixtures.wall.instant(), "drill time never moves the wall clock");
    }

    @Test
    void aFullDrill_selectsItsIncident_offersResolveOnceMitigated_andScoresIt() {
        vm.select("provider-outage");
        vm.start();
        LiveDrill drill = fixtures.state.getActiveDrill();

        drill.advance(Duration.ofMinutes(15));
        vm.refresh();
        String id = drill.incidentId().orElseThrow();
        assertEquals(id, fixtures.state.getSelectedIncident(), "the drill's incident is put in focus once declared");
        assertTrue(vm.phaseProperty().get().startsWith(id + "  Sev-1  detected: paging L1"), vm.phaseProperty().get());
        assertTrue(vm.sliBelowObjectiveProperty().get());
        assertFalse(vm.canResolveProperty().get());

        drill.advance(Duration.ofMinutes(5));
        drill.acknowledge("li");
        drill.startRunbook(drill.suggestedRunbook(), "li");
        drill.ackStep("li");
        for (int step = 2; step <= 4; step++) {
            drill.advance(Duration.ofMinutes(2));
            drill.ackStep("li");
        }
        vm.refresh();
        assertFalse(vm.canResolveProperty().get(), "not before the SLI holds");
        drill.advance(Duration.ofMinutes(10));
        vm.refresh();
        assertEquals(IncidentState.MITIGATED, fixtures.timeline.require(id).state());
        assertTrue(vm.canResolveProperty().get());
        assertFalse(vm.resolvedProperty().get());

        vm.resolve();

        assertEquals(IncidentState.RESOLVED, fixtures.timeline.require(id).state());
        assertFalse(drill.running(), "resolving stops the drill clock");
        assertTrue(vm.resolvedProperty().get());
        assertTrue(vm.scoreTitleProperty().get().startsWith("Score card  " + id), vm.scoreTitleProperty().get());
        List<ScoreLine> lines = vm.scoreLines();
        assertEquals(List.of("Time to ack", "Time to first status update", "Time to mitigate", "Time to resolve",
                "Escalations triggered", "Ran the suggested runbook"), lines.stream().map(ScoreLine::measure).toList());
        assertEquals(ScoreLine.Verdict.MET, lines.get(0).verdict(), "acked inside the 10 min mark: " + lines.get(0));
        assertEquals("within 10m", lines.get(0).target());
        assertEquals(ScoreLine.Verdict.NEVER, lines.get(1).verdict(), "nobody posted a status update");
        assertEquals(ScoreLine.Verdict.NO_TARGET, lines.get(2).verdict());
        assertEquals(ScoreLine.Verdict.MET, lines.get(3).verdict());
        assertEquals("within 1h", lines.get(3).target());
        assertEquals(new ScoreLine("Escalations triggered", "1", "0 (L1 acks in time)", ScoreLine.Verdict.MISSED),
                lines.get(4));
        assertEquals(new ScoreLine("Ran the suggested runbook", "provider-outage", "provider-outage",
                ScoreLine.Verdict.MET), lines.get(5));
        assertEquals("missed", lines.get(4).verdict().word());

        vm.stop();
        assertNull(fixtures.state.getActiveDrill(), "ending the drill leaves drill mode");
        assertFalse(vm.drillingProperty().get());
        assertEquals(6, vm.scoreLines().size(), "the score card stays until the next drill");
        assertTrue(vm.canStartProperty().get());
    }

    @Test
    void stop_whileRunning_stopsTheClock_andLeavesDrillMode() {
        vm.start();
        LiveDrill drill = fixtures.state.getActiveDrill();
        vm.stop();
        assertFalse(drill.running());
        assertNull(fixtures.state.getActiveDrill());
        assertFalse(vm.resolvedProperty().get());
    }

    @Test
    void aDrillStartedElsewhere_showsHere() {
        fixtures.drillMidway();
        vm.refresh();
        assertTrue(vm.drillingProperty().get());
        assertEquals("Model provider outage (503s)", vm.drillTitleProperty().get());
        assertEquals("60x", vm.speedTextProperty().get());
        assertEquals("00:25:00", vm.elapsedProperty().get());
        assertTrue(vm.phaseProperty().get().contains("mitigating"), vm.phaseProperty().get());
    }
}
