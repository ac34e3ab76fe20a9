package dev.warroom.regress;

import dev.warroom.drill.DrillException;
import dev.warroom.drill.DrillOptions;
import dev.warroom.drill.DrillResult;
import dev.warroom.drill.DrillRunner;
import dev.warroom.drill.Mitigation;
import dev.warroom.drill.Scenario;
import dev.warroom.incident.EventPayload;
import dev.warroom.incident.InMemoryTimeline;
import dev.warroom.incident.Incident;
import dev.warroom.incident.SeverityPolicy;
import dev.warroom.incident.TimelineEvent;
import dev.warroom.paging.EscalationLadder;
import dev.warroom.paging.EscalationPolicy;
import dev.warroom.paging.RecordingPager;
import dev.warroom.postmortem.RegressionCase;
import dev.warroom.runbook.Runbook;
import dev.warroom.runbook.RunbookLibrary;
import dev.warroom.runbook.Triage;
import dev.warroom.slo.AlertPolicy;
import dev.warroom.slo.Sli;
import dev.warroom.slo.SloFormat;
import dev.warroom.slo.Slo;
import dev.warroom.time.VirtualClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Replays a regression case against the mock system: in memory, on a virtual clock, as fast as the
 * machine allows. The case's failure is played as a drill with its seed; the tier the burn-rate
 * policy raised, triage's first suggestion, and the recovery of the expected runbook are each
 * judged on their own, so one broken expectation never hides another: the expected runbook is run
 * even when triage ranks another one first.
 */
public final class CaseReplay {
    /** Where a case without {@code start} begins: a weekday night, like most pages. */
    public static final Instant DEFAULT_START = Instant.parse("2026-11-18T02:00:00Z");

    private final RunbookLibrary runbooks;
    private final AlertPolicy policy;
    private final EscalationPolicy escalation;
    private final SeverityPolicy severities;

    public CaseReplay(RunbookLibrary runbooks, AlertPolicy policy, EscalationPolicy escalation,
                      SeverityPolicy severities) {
        this.runbooks = runbooks;
        this.policy = policy;
        this.escalation = escalation;
        this.severities = severities;
    }

    /** Replays with the bundled SRE Workbook policy, escalation ladder and severity targets. */
    public static CaseReplay withDefaults(RunbookLibrary runbooks) {
        return new CaseReplay(runbooks, AlertPolicy.sreWorkbook(), EscalationPolicy.defaults(), SeverityPolicy.defaults());
    }

    public CaseResult replay(RegressionCase c, String source) {
        RegressionCase.Expectation expect = c.expect();
        List<CaseResult.Check> checks = new ArrayList<>();

        List<Triage.Suggestion> suggestions = new Triage(runbooks).suggest(c.symptom(), c.alert());
        checks.add(triage(expect.runbook(), suggestions));

        Optional<Runbook> runbook = runbooks.byId(expect.runbook());
        Instant start = c.start() != null ? c.start() : DEFAULT_START;
        VirtualClock clock = new VirtualClock(start);
        InMemoryTimeline timeline = new InMemoryTimeline(clock);
        RecordingPager pager = new RecordingPager();
        EscalationLadder ladder = new EscalationLadder(escalation, severities, pager, timeline, clock);
        DrillRunner runner = new DrillRunner(scenario(c, source), runbooks, timeline, ladder, policy, clock,
                DrillOptions.defaults(c.seed(), start), line -> { });
        DrillResult result = null;
        String broke = null;
        try {
            result = runbook.isPresent() ? runner.runWith(runbook.get()) : runner.run();
        } catch (DrillException e) {
            broke = e.getMessage();
        }
        Optional<Incident> incident = timeline.incidents().stream().findFirst();
        checks.add(0, tier(expect, incident, pager, broke));
        if (runbook.isEmpty()) {
            checks.add(new CaseResult.Check(CaseResult.Expectation.RECOVERY, false,
                    "runbook " + expect.runbook() + " is not in the library"));
        } else if (result == null) {
            checks.add(new CaseResult.Check(CaseResult.Expectation.RECOVERY, false, "not replayed: " + broke));
        } else {
            checks.add(recovery(expect, result));
        }
        return new CaseResult(c.id(), source, checks);
    }

    private static CaseResult.Check tier(RegressionCase.Expectation expect, Optional<Incident> incident,
                                         RecordingPager pager, String broke) {
        String wanted = expect.severity().id() + " " + expect.action();
        if (incident.isEmpty()) {
            return new CaseResult.Check(CaseResult.Expectation.TIER, false, "expected " + wanted + ", nothing fired: "
                    + broke);
        }
        String action = !pager.sent().isEmpty() ? RegressionCase.Expectation.PAGE
                : incident.get().ticket() != null ? RegressionCase.Expectation.TICKET : "no page or ticket";
        String got = incident.get().severity().id() + " " + action;
        boolean ok = incident.get().severity() == expect.severity() && action.equals(expect.action());
        return new CaseResult.Check(CaseResult.Expectation.TIER, ok, ok ? got : "expected " + wanted + ", raised " + got);
    }

    private static CaseResult.Check triage(String expected, List<Triage.Suggestion> suggestions) {
        if (suggestions.isEmpty()) {
            return new CaseResult.Check(CaseResult.Expectation.TRIAGE, false, "expected " + expected
                    + " first, triage suggests nothing");
        }
        String top = suggestions.get(0).runbook().id();
        if (top.equals(expected)) {
            return new CaseResult.Check(CaseResult.Expectation.TRIAGE, true, top + " first");
        }
        int rank = IntStream.range(0, suggestions.size()).filter(i -> suggestions.get(i).runbook().id().equals(expected))
                .findFirst().orElse(-1);
        return new CaseResult.Check(CaseResult.Expectation.TRIAGE, false, "expected " + expected + " first, triage ranks "
                + top + " first" + (rank < 0 ? " and does not suggest " + expected : " and " + expected + " #" + (rank + 1)));
    }

    private static CaseResult.Check recovery(RegressionCase.Expectation expect, DrillResult r) {
        double sli = r.events().stream().map(TimelineEvent::payload).filter(EventPayload.Mitigated.class::isInstance)
                .mapToDouble(p -> ((EventPayload.Mitigated) p).sli()).findFirst().orElse(Double.NaN);
        if (!r.recovered()) {
            return new CaseResult.Check(CaseResult.Expectation.RECOVERY, false, "runbook " + r.runbookId()
                    + " did not recover it in all " + r.runbookSteps() + " steps (expected within " + expect.maxSteps()
                    + "); last SLI " + last(r));
        }
        String sliText = SloFormat.sli(sli) + " (at least " + SloFormat.sli(expect.minSli()) + ")";
        if (r.stepsRun() > expect.maxSteps()) {
            return new CaseResult.Check(CaseResult.Expectation.RECOVERY, false, "runbook " + r.runbookId() + " needed "
                    + r.stepsRun() + " steps to recover it, the case allows at most " + expect.maxSteps());
        }
        if (!(sli >= expect.minSli())) {
            return new CaseResult.Check(CaseResult.Expectation.RECOVERY, false, "runbook " + r.runbookId()
                    + " recovered it after step " + r.stepsRun() + " but the SLI held only " + sliText);
        }
        return new CaseResult.Check(CaseResult.Expectation.RECOVERY, true, "runbook " + r.runbookId()
                + " recovered it after step " + r.stepsRun() + " (at most " + expect.maxSteps() + "), SLI " + sliText);
    }

    private static String last(DrillResult r) {
        return r.sliReadings().isEmpty() ? SloFormat.NONE : SloFormat.sli(r.sliReadings().get(r.sliReadings().size() - 1));
    }

    /** The case's shape as a drill scenario; its runbook and step budget are the case's expectations. */
    static Scenario scenario(RegressionCase c, String source) {
        RegressionCase.SloSpec s = c.slo();
        Slo slo = new Slo(s.name(), c.service(), s.objective(), s.period(), Sli.badOverTotal(null, null));
        List<Mitigation> mitigations = c.mitigations().stream().map(m -> new Mitigation(m.id(), m.title(), m.restores(),
                m.takesEffectAfter(), m.reversible())).toList();
        String id = c.scenario() != null ? c.scenario() : c.id();
        return new Scenario(id, c.title() != null ? c.title() : c.id(), "Regression case " + c.id(), c.service(),
                c.symptom(), c.alert(), c.expect().runbook(), "", slo, c.traffic().requestsPerSecond(),
                c.traffic().baselineErrorRatio(), c.failure().startsAfter(), c.failure().ramp(), c.failure().health(),
                c.expect().severity(), c.expect().maxSteps(), mitigations, source);
    }
}
