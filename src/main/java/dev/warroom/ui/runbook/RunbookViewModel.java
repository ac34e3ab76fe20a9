package dev.warroom.ui.runbook;

import dev.warroom.drill.LiveDrill;
import dev.warroom.incident.Incident;
import dev.warroom.runbook.Runbook;
import dev.warroom.runbook.RunbookRun;
import dev.warroom.runbook.RunbookStep;
import dev.warroom.runbook.StepOutcome;
import dev.warroom.slo.SloFormat;
import dev.warroom.time.Durations;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Runbook panel: the run on the selected incident as a checklist, with Ack / Skip (reason) /
 * Failed (reason) on the current step, every step's verify result, expectation and rollback, the
 * runbook's side effects, progress, the SLI against the objective, and a "recovered — stop here"
 * banner that also ends the actions.
 *
 * <p>All properties live on the FX thread. Reads and actions run through
 * {@link dev.warroom.ui.console.ConsoleServices#inBackground}: an ack runs the step's check, which
 * may wait for the step to take effect. An action names the step the person saw, so a step someone
 * else acted on meanwhile is never acted on twice.
 */
public final class RunbookViewModel {
    public static final String ACK_KEY = "A";
    public static final String SKIP_KEY = "S";
    public static final String FAIL_KEY = "F";

    /** What the person does with the current step. */
    public enum Action {
        ACK("ack", "acked"), SKIP("skip", "skipped"), FAIL("mark failed", "marked failed");

        private final String verb;
        private final String done;

        Action(String verb, String done) {
            this.verb = verb;
            this.done = done;
        }
    }

    /** Everything the panel shows, read in one go in the background. */
    private record Snapshot(String incidentId, boolean drill, boolean hasRun, String header, String title,
                            String placeholder, List<StepRow> steps, List<String> sideEffects, double progress,
                            String progressText, String sliText, String sliFigure, String sliCompare,
                            String sliState, String recoveryText,
                            boolean recovered, String banner, String blockedReason, int currentStep,
                            String currentTitle) {
    }

    private record Done(StepOutcome outcome, Snapshot after) {
    }

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final dev.warroom.ui.console.ConsoleServices services;
    private final dev.warroom.ui.console.ConsoleState state;
    private final IncidentRuns runs;
    private final String actor;

    private final ReadOnlyStringWrapper header = new ReadOnlyStringWrapper(this, "header", "RUNBOOK");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper(this, "placeholder", "");
    private final ReadOnlyBooleanWrapper hasRun = new ReadOnlyBooleanWrapper(this, "hasRun", false);
    private final ReadOnlyBooleanWrapper drill = new ReadOnlyBooleanWrapper(this, "drill", false);
    private final ObservableList<StepRow> steps = FXCollections.observableArrayList();
    private final ObservableList<String> sideEffects = FXCollections.observableArrayList();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyStringWrapper sliText = new ReadOnlyStringWrapper(this, "sliText", "");
    private final ReadOnlyStringWrapper sliFigure = new ReadOnlyStringWrapper(this, "sliFigure", "");
    private final ReadOnlyStringWrapper sliCompare = new ReadOnlyStringWrapper(this, "sliCompare", "");
    private final ReadOnlyStringWrapper sliState = new ReadOnlyStringWrapper(this, "sliState", "sli-none");
    private final ReadOnlyStringWrapper recoveryText = new ReadOnlyStringWrapper(this, "recoveryText", "");
    private final ReadOnlyBooleanWrapper recovered = new ReadOnlyBooleanWrapper(this, "recovered", false);
    private final ReadOnlyStringWrapper banner = new ReadOnlyStringWrapper(this, "banner", "");
    private final ReadOnlyStringWrapper blockedReason = new ReadOnlyStringWrapper(this, "blockedReason", "");
    private final ReadOnlyBooleanWrapper canAct = new ReadOnlyBooleanWrapper(this, "canAct", false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final ReadOnlyObjectWrapper<Action> reasonWanted = new ReadOnlyObjectWrapper<>(this, "reasonWanted");
    private final ReadOnlyStringWrapper reasonPrompt = new ReadOnlyStringWrapper(this, "reasonPrompt", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper messageError = new ReadOnlyBooleanWrapper(this, "messageError", false);

    private Snapshot shown;
    private long generation;

    /** @param actor who acts on the steps ("li"), as the timeline records it */
    public RunbookViewModel(dev.warroom.ui.console.ConsoleServices services, dev.warroom.ui.console.ConsoleState state,
                            String actor) {
        this.services = services;
        this.state = state;
        this.runs = new IncidentRuns(services);
        this.actor = actor;
        state.selectedIncidentProperty().addListener((obs, was, now) -> refresh());
        state.activeDrillProperty().addListener((obs, was, now) -> refresh());
        refresh();
    }

    // ---- properties

    /** "RUNBOOK provider-outage vdd473ce step 3 of 6". */
    public ReadOnlyStringProperty headerProperty() {
        return header.getReadOnlyProperty();
    }

    /** The runbook's title. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** What the panel says instead of a checklist ("select an incident"), empty when it has one. */
    public ReadOnlyStringProperty placeholderProperty() {
        return placeholder.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasRunProperty() {
        return hasRun.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty drillProperty() {
        return drill.getReadOnlyProperty();
    }

    /** The checklist, in step order. */
    public ObservableList<StepRow> steps() {
        return steps;
    }

    /** The runbook's side effects (front matter {@code side_effects}). */
    public ObservableList<String> sideEffects() {
        return sideEffects;
    }

    /** Share of the steps acted on, 0..1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** "2 of 6 steps done: 2 acked, 0 skipped, 0 failed". */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** "SLI 85.1% → objective 99.9%". */
    public ReadOnlyStringProperty sliTextProperty() {
        return sliText.getReadOnlyProperty();
    }

    /** The SLI in big numerals: "64.0%", or "no data". */
    public ReadOnlyStringProperty sliFigureProperty() {
        return sliFigure.getReadOnlyProperty();
    }

    /** "below the 99.9% objective · last 5 min". */
    public ReadOnlyStringProperty sliCompareProperty() {
        return sliCompare.getReadOnlyProperty();
    }

    /** "sli-ok", "sli-below" or "sli-none": the colour next to the SLI's words. */
    public ReadOnlyStringProperty sliStateProperty() {
        return sliState.getReadOnlyProperty();
    }

    /** "Recovered? no", "Recovered? holding since 02:27:00Z (needs 5m)", "Recovered? yes". */
    public ReadOnlyStringProperty recoveryTextProperty() {
        return recoveryText.getReadOnlyProperty();
    }

    /** True once the run recovered: the banner shows and the actions are off. */
    public ReadOnlyBooleanProperty recoveredProperty() {
        return recovered.getReadOnlyProperty();
    }

    /** "RECOVERED — stop here: ..." while recovered, else empty. */
    public ReadOnlyStringProperty bannerProperty() {
        return banner.getReadOnlyProperty();
    }

    /** Why Ack / Skip / Failed are off, empty when they are on. */
    public ReadOnlyStringProperty blockedReasonProperty() {
        return blockedReason.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canActProperty() {
        return canAct.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Why the current step is skipped or failed; edited by the reason field. */
    public StringProperty reasonProperty() {
        return reason;
    }

    /** Set when Skip or Failed was asked for without a reason: the view focuses the reason field. */
    public ReadOnlyObjectProperty<Action> reasonWantedProperty() {
        return reasonWanted.getReadOnlyProperty();
    }

    /** The reason field's prompt: "why skip step 3?". */
    public ReadOnlyStringProperty reasonPromptProperty() {
        return reasonPrompt.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty messageErrorProperty() {
        return messageError.getReadOnlyProperty();
    }

    // ---- commands

    /** Re-reads the run of the selected incident. */
    public void refresh() {
        String id = state.getSelectedIncident();
        LiveDrill activeDrill = state.getActiveDrill();
        long g = ++generation;
        if (id == null) {
            apply(empty(null, false, "Select an incident to see its runbook", "select an incident"));
            return;
        }
        services.inBackground(() -> snapshot(runs.load(activeDrill, id)), s -> {
            if (g == generation && Objects.equals(id, state.getSelectedIncident())) {
                apply(s);
            }
        }, failure -> {
            if (g == generation) {
                apply(empty(id, false, id + ": " + failure.getMessage(), "cannot read " + id));
            }
        });
    }

    /** Acks the current step (key A). */
    public void ackStep() {
        act(Action.ACK, null);
    }

    /** Skips the current step with the reason field's text; asks for a reason when it is empty (key S). */
    public void skipStep() {
        withReason(Action.SKIP);
    }

    /** Marks the current step failed with the reason field's text; asks for a reason when empty (key F). */
    public void failStep() {
        withReason(Action.FAIL);
    }

    /** Enter in the reason field: does the Skip or Failed that asked for it, else nothing. */
    public void submitReason() {
        Action wanted = reasonWanted.get();
        if (wanted != null) {
            withReason(wanted);
        }
    }

    private void withReason(Action action) {
        String why = reason.get() == null ? "" : reason.get().strip();
        if (!canAct.get()) {
            act(action, why);
            return;
        }
        if (why.isEmpty()) {
            reasonWanted.set(null);
            reasonWanted.set(action);
            reasonPrompt.set("why " + action.verb + " step " + shown.currentStep() + "? then Enter");
            say((action == Action.SKIP ? "Skipping" : "Failing") + " step " + shown.currentStep()
                    + " needs a reason: type it in the reason field and press Enter", true);
            return;
        }
        act(action, why);
    }

    private void act(Action action, String why) {
        if (!canAct.get()) {
            say("Cannot " + action.verb + " a step: " + blockedReason.get(), true);
            return;
        }
        String id = shown.incidentId();
        int expected = shown.currentStep();
        LiveDrill activeDrill = state.getActiveDrill();
        busy.set(true);
        updateActions();
        long g = ++generation;
        services.inBackground(() -> {
            IncidentRuns.Context context = runs.load(activeDrill, id);
            RunbookRun run = context.run();
            if (run == null) {
                throw new IllegalStateException("no runbook is running on " + id);
            }
            int now = run.currentStep().map(RunbookStep::number).orElse(0);
            if (now != expected) {
                throw new IllegalStateException("step " + expected + " was already acted on"
                        + (now == 0 ? "" : "; the current step is " + now));
            }
            LiveDrill d = context.drill();
            StepOutcome outcome = switch (action) {
                case ACK -> d != null ? d.ackStep(actor) : run.ack(actor);
                case SKIP -> d != null ? d.skipStep(actor, why) : run.skip(actor, why);
                case FAIL -> d != null ? d.failStep(actor, why) : run.fail(actor, why);
            };
            return new Done(outcome, snapshot(runs.load(activeDrill, id)));
        }, done -> {
            busy.set(false);
            if (action != Action.ACK) {
                reason.set("");
                reasonWanted.set(null);
                reasonPrompt.set("");
            }
            if (g == generation) {
                apply(done.after());
            } else {
                updateActions();
            }
            say(outcomeText(done.outcome()), false);
        }, failure -> {
            busy.set(false);
            say("Step " + expected + " not " + action.done + ": " + failure.getMessage(), true);
            refresh();
        });
    }

    // ---- reading

    private Snapshot snapshot(IncidentRuns.Context context) {
        Incident incident = context.incident();
        String id = incident.id();
        boolean isDrill = context.drill() != null;
        RunbookRun run = context.run();
        if (run == null) {
            String why = context.problem() != null ? context.problem()
                    : "No runbook is running on " + id + ": pick one in the Triage tab and start it";
            return empty(id, isDrill, why, context.problem() != null ? "the run cannot be picked up" : "no runbook running");
        }
        Runbook runbook = run.runbook();
        RunbookRun.Progress p = run.progress();
        int total = runbook.steps().size();
        Map<Integer, StepOutcome> last = new LinkedHashMap<>();
        p.steps().forEach(o -> last.put(o.step(), o));
        List<StepRow> rows = new ArrayList<>();
        int current = p.status() == RunbookRun.Status.IN_PROGRESS ? p.nextStep() : 0;
        for (RunbookStep step : runbook.steps()) {
            rows.add(row(step, last.get(step.number()), step.number() == current, isDrill));
        }
        int acked = 0;
        int skipped = 0;
        int failed = 0;
        for (StepOutcome o : last.values()) {
            switch (o.action()) {
                case ACKED -> acked++;
                case SKIPPED -> skipped++;
                case FAILED -> failed++;
            }
        }
        String version = runbook.version() == null ? "" : " v" + runbook.version().substring(0,
                Math.min(7, runbook.version().length()));
        String where = switch (p.status()) {
            case IN_PROGRESS -> "step " + current + " of " + total;
            case RECOVERED -> "recovered after step " + p.recoveredAfter() + " of " + total;
            case STEPS_DONE -> "all " + total + " steps acted on";
            case SUPERSEDED -> "superseded by a later run";
        };
        double objective = run.recovery().objective();
        double sli = isDrill ? context.drill().sli() : lastReading(p, incident);
        String sliWords;
        String sliClass;
        String over = isDrill ? "last 5 min" : "last reading";
        if (Double.isNaN(sli)) {
            sliWords = "SLI no data" + (isDrill ? "" : " (" + IncidentRuns.NO_METRICS.split(";")[0] + ")");
            sliClass = "sli-none";
        } else {
            sliWords = "SLI " + SloFormat.sli(sli) + " (" + over + ")";
            sliClass = sli >= objective ? "sli-ok" : "sli-below";
        }
        String objectiveWords = SloFormat.objective(objective) + (context.objectiveKnown() ? "" : " (assumed)");
        String sliLine = sliWords + " → objective " + objectiveWords + (sliClass.equals("sli-ok") ? "  above"
                : sliClass.equals("sli-below") ? "  below" : "");
        String figure = Double.isNaN(sli) ? "no data" : SloFormat.sli(sli);
        String compare = switch (sliClass) {
            case "sli-ok" -> "above the " + objectiveWords + " objective · " + over;
            case "sli-below" -> "below the " + objectiveWords + " objective · " + over;
            default -> "objective " + objectiveWords + (isDrill ? "" : " · " + IncidentRuns.NO_METRICS.split(";")[0]);
        };
        String recovery;
        if (p.recovered()) {
            recovery = "Recovered? yes";
        } else if (p.holding()) {
            recovery = "Recovered? holding since " + CLOCK.format(p.hold().openedAt()) + " (needs "
                    + Durations.format(run.recovery().hold()) + " above)";
        } else {
            recovery = "Recovered? no";
        }
        String bannerText = p.recovered() ? "RECOVERED — stop here. SLI " + SloFormat.sli(p.recoveredSli()) + " held above "
                + SloFormat.objective(objective) + " for " + Durations.format(run.recovery().hold())
                + (p.recoveredAfter() == 0 ? " before any step" : " after step " + p.recoveredAfter() + " of " + total)
                + ".\nLeave the remaining steps: post a status update, then resolve." : "";
        String blocked = !incident.isOpen() && !p.recovered() ? id + " is " + incident.state().id()
                : switch (p.status()) {
                    case IN_PROGRESS -> "";
                    case RECOVERED -> "recovered — stop here";
                    case STEPS_DONE -> "every step was acted on and the SLI has not recovered: escalate or start another"
                            + " runbook in Triage";
                    case SUPERSEDED -> "another runbook was started on " + id + " after this one";
                };
        return new Snapshot(id, isDrill, true, "RUNBOOK  " + runbook.id() + version + "  " + where, runbook.title(), "",
                rows, runbook.sideEffects(), total == 0 ? 1 : (double) last.size() / total,
                last.size() + " of " + total + " steps done: " + acked + " acked, " + skipped + " skipped, " + failed
                        + " failed", sliLine, figure, compare, sliClass, recovery, p.recovered(), bannerText, blocked, current,
                current == 0 ? "" : runbook.steps().get(current - 1).title());
    }

    private static double lastReading(RunbookRun.Progress p, Incident incident) {
        if (!p.readings().isEmpty()) {
            return p.readings().get(p.readings().size() - 1);
        }
        return incident.lastSli();
    }

    private static StepRow row(RunbookStep step, StepOutcome outcome, boolean current, boolean drill) {
        StepRow.State stateOf;
        if (outcome != null) {
            stateOf = switch (outcome.action()) {
                case ACKED -> StepRow.State.ACKED;
                case SKIPPED -> StepRow.State.SKIPPED;
                case FAILED -> StepRow.State.FAILED;
            };
        } else {
            stateOf = current ? StepRow.State.CURRENT : StepRow.State.PENDING;
        }
        // the state word beside it already says acked / skipped / failed
        String when = outcome == null ? null : "by " + outcome.actor() + " " + CLOCK.format(outcome.at());
        String verify = null;
        String verifyState = null;
        if (step.verify() != null) {
            String check = step.verify().strip();
            if (outcome != null && outcome.verification() != null) {
                StepOutcome.Verification v = outcome.verification();
                boolean noData = Double.isNaN(v.observed());
                // in a drill a mitigation cannot be measured the moment it is applied: the SLI watch judges it
                String unmeasured = drill && step.mitigation() != null ? "taking effect; the SLI watch decides"
                        : "no data, not verified";
                verify = "verify: " + v.check() + " → " + (noData ? unmeasured
                        : number(v.observed()) + (v.passed() ? " passed" : " failed"));
                verifyState = noData ? "verify-nodata" : v.passed() ? "verify-passed" : "verify-failed";
            } else if (stateOf == StepRow.State.SKIPPED || stateOf == StepRow.State.FAILED) {
                verify = "verify: " + check + " → not run";
                verifyState = "verify-pending";
            } else {
                verify = "verify: " + check + " → not yet";
                verifyState = "verify-pending";
            }
        }
        String rollback = step.rollback() == null ? null : "rollback: " + step.rollback().replace("`", "").strip()
                + (step.reversible() == null ? "" : step.reversible() ? "  (reversible)" : "  (not reversible)");
        return new StepRow(step.number(), step.title(), stateOf, when, outcome == null ? null : outcome.reason(), verify,
                verifyState, step.expect() == null ? null : "expect: " + step.expect(), rollback,
                current ? plain(step.text(), step.title()) : null);
    }

    /** A step's Markdown as plain wrapped text: no repeated bold title, lines joined into paragraphs. */
    static String plain(String markdown, String title) {
        if (markdown == null) {
            return null;
        }
        String t = markdown.strip();
        String boldTitle = "**" + title;
        if (t.startsWith(boldTitle)) {
            int end = t.indexOf("**", boldTitle.length());
            if (end >= 0) {
                t = t.substring(end + 2).strip();
            }
        }
        t = t.replace("**", "").replaceAll("(?<!\\n)\\n(?!\\n)", " ").replaceAll("\\n{2,}", "\n\n");
        return t.isBlank() ? null : t;
    }

    private static String number(double value) {
        return new DecimalFormat("0.####", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }

    private static String outcomeText(StepOutcome o) {
        String text = "Step " + o.step() + " " + o.action().word();
        if (o.reason() != null) {
            text += " (" + o.reason() + ")";
        }
        if (o.mitigation() != null) {
            text += "; mitigation " + o.mitigation() + " applied";
        }
        if (o.verification() != null) {
            StepOutcome.Verification v = o.verification();
            text += "; verify " + v.check() + " → " + (Double.isNaN(v.observed()) ? "no data"
                    : number(v.observed()) + (v.passed() ? " passed" : " failed"));
        }
        return text;
    }

    private static Snapshot empty(String id, boolean isDrill, String placeholderText, String blocked) {
        return new Snapshot(id, isDrill, false, "RUNBOOK", "", placeholderText, List.of(), List.of(), 0, "", "", "", "",
                "sli-none", "", false, "", blocked, 0, "");
    }

    private void apply(Snapshot s) {
        shown = s;
        header.set(s.header());
        title.set(s.title());
        placeholder.set(s.placeholder());
        hasRun.set(s.hasRun());
        drill.set(s.drill());
        if (!steps.equals(s.steps())) {
            steps.setAll(s.steps());
        }
        if (!sideEffects.equals(s.sideEffects())) {
            sideEffects.setAll(s.sideEffects());
        }
        progress.set(s.progress());
        progressText.set(s.progressText());
        sliText.set(s.sliText());
        sliFigure.set(s.sliFigure());
        sliCompare.set(s.sliCompare());
        sliState.set(s.sliState());
        recoveryText.set(s.recoveryText());
        recovered.set(s.recovered());
        banner.set(s.banner());
        if (reasonWanted.get() != null && s.currentStep() == 0) {
            reasonWanted.set(null);
            reasonPrompt.set("");
        }
        updateActions();
    }

    private void updateActions() {
        String blocked = shown == null ? "select an incident" : busy.get() ? "working…" : shown.blockedReason();
        blockedReason.set(blocked);
        canAct.set(blocked.isEmpty());
        if (reasonWanted.get() == null) {
            reasonPrompt.set(shown != null && shown.currentStep() > 0
                    ? "reason to skip or fail step " + shown.currentStep() : "");
        }
    }

    private void say(String text, boolean error) {
        message.set(text);
        messageError.set(error);
    }
}
