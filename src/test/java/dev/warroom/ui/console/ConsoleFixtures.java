package dev.warroom.ui.console;

import dev.warroom.drill.LiveDrill;
import dev.warroom.drill.ScenarioLibrary;
import dev.warroom.incident.InMemoryTimeline;
import dev.warroom.incident.SeverityPolicy;
import dev.warroom.paging.EscalationLadder;
import dev.warroom.paging.EscalationPolicy;
import dev.warroom.paging.RecordingPager;
import dev.warroom.runbook.RunbookLibrary;
import dev.warroom.slo.AlertPolicy;
import dev.warroom.time.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A console over an in-memory timeline on a virtual clock, with direct executors: work runs at
 * once on the calling thread, so a test sees the result of a refresh or an action immediately.
 * Panels' tests build their view models from {@link #services} and {@link #state}.
 */
public final class ConsoleFixtures {
    public static final Instant NOW = Instant.parse("2026-11-18T02:00:00Z");

    public final VirtualClock wall = new VirtualClock(NOW);
    public final InMemoryTimeline timeline = new InMemoryTimeline(wall);
    public final RecordingPager pager = new RecordingPager();
    public final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fixture-ticker");
        t.setDaemon(true);
        return t;
    });
    public final ConsoleServices services = new ConsoleServices(timeline, timeline::on, RunbookLibrary.bundled(),
            ScenarioLibrary.bundled(), SeverityPolicy.defaults(), EscalationPolicy.defaults(), AlertPolicy.sreWorkbook(),
            pager, wall, Runnable::run, Runnable::run, scheduler, "in-memory test store");
    public final ConsoleState state = new ConsoleState(wall);

    /**
     * A drill of {@code scenario} made active in the console but not ticking: the test moves it
     * with {@link LiveDrill#advance}. Starts at {@link #NOW} like the wall clock.
     */
    public LiveDrill drill(String scenario) {
        VirtualClock drillClock = new VirtualClock(NOW);
        var drillTimeline = timeline.on(drillClock);
        LiveDrill drill = new LiveDrill(services.scenarios().require(scenario), services.runbooks(), drillTimeline,
                new EscalationLadder(services.escalation(), services.severities(), pager, drillTimeline, drillClock),
                services.alertPolicy(), services.severities(), drillClock, 7, 60);
        state.activeDrillProperty().set(drill);
        return drill;
    }

    /**
     * A provider-outage drill played to the point an IC usually looks at the console: paged, escalated
     * to L2, acked by li, the suggested runbook started and two steps acked (one mitigation in).
     */
    public LiveDrill drillMidway() {
        LiveDrill drill = drill("provider-outage");
        drill.advance(Duration.ofMinutes(20));
        drill.acknowledge("li");
        drill.startRunbook(drill.suggestedRunbook(), "li");
        drill.ackStep("li");
        drill.advance(Duration.ofMinutes(2));
        drill.ackStep("li");
        drill.advance(Duration.ofMinutes(3));
        state.setSelectedIncident(drill.incidentId().orElseThrow());
        return drill;
    }
}
