package dev.warroom.ui.console;

import dev.warroom.drill.ScenarioLibrary;
import dev.warroom.incident.SeverityPolicy;
import dev.warroom.incident.Timeline;
import dev.warroom.paging.EscalationLadder;
import dev.warroom.paging.EscalationPolicy;
import dev.warroom.paging.Pager;
import dev.warroom.runbook.RunbookLibrary;
import dev.warroom.slo.AlertPolicy;
import dev.warroom.ui.settings.LiveDataSource;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Everything the console's view models reach beyond themselves, wired once by the app (or a test):
 * the store's timelines, the runbook and scenario libraries, the team's policies, and the threads
 * to run work on. No JavaFX types: view models stay testable without a toolkit.
 *
 * @param timeline   the live timeline, stamped with {@code wall}
 * @param timelineOn a timeline on the same store stamped with another clock (a drill's)
 * @param background where reads and writes run; never the FX thread
 * @param fxThread   hands results back to the FX thread ({@code Platform::runLater} in the app)
 * @param scheduler  for tickers: drills, the escalation ladder, refreshes
 * @param storeName  where the store lives, for titles and messages
 * @param dataSource the live data source the SLO board reads and the Settings panel connects
 */
public record ConsoleServices(Timeline timeline, Function<Clock, Timeline> timelineOn, RunbookLibrary runbooks,
                              ScenarioLibrary scenarios, SeverityPolicy severities, EscalationPolicy escalation,
                              AlertPolicy alertPolicy, Pager pager, Clock wall, Executor background,
                              Consumer<Runnable> fxThread, ScheduledExecutorService scheduler, String storeName,
                              LiveDataSource dataSource) {

    /** Services whose data source keeps its settings nowhere: connecting works until exit. */
    public ConsoleServices(Timeline timeline, Function<Clock, Timeline> timelineOn, RunbookLibrary runbooks,
                           ScenarioLibrary scenarios, SeverityPolicy severities, EscalationPolicy escalation,
                           AlertPolicy alertPolicy, Pager pager, Clock wall, Executor background,
                           Consumer<Runnable> fxThread, ScheduledExecutorService scheduler, String storeName) {
        this(timeline, timelineOn, runbooks, scenarios, severities, escalation, alertPolicy, pager, wall, background,
                fxThread, scheduler, storeName, new LiveDataSource(null, alertPolicy, wall));
    }

    /** The ladder for live (non-drill) incidents, on the wall clock. */
    public EscalationLadder liveLadder() {
        return new EscalationLadder(escalation, severities, pager, timeline, wall);
    }

    /** Runs {@code work} in the background and hands its result to {@code then} on the FX thread. */
    public <T> void inBackground(java.util.concurrent.Callable<T> work, Consumer<T> then, Consumer<Exception> failed) {
        background.execute(() -> {
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                fxThread.accept(() -> failed.accept(e));
                return;
            }
            fxThread.accept(() -> then.accept(result));
        });
    }
}
