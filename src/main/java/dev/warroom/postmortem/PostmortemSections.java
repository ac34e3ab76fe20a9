package dev.warroom.postmortem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.warroom.incident.EventPayload;
import dev.warroom.incident.EventPayload.Acknowledged;
import dev.warroom.incident.EventPayload.AlertFired;
import dev.warroom.incident.EventPayload.Escalated;
import dev.warroom.incident.EventPayload.EscalationExhausted;
import dev.warroom.incident.EventPayload.IncidentDeclared;
import dev.warroom.incident.EventPayload.Mitigated;
import dev.warroom.incident.EventPayload.MitigationApplied;
import dev.warroom.incident.EventPayload.Paged;
import dev.warroom.incident.EventPayload.Resolved;
import dev.warroom.incident.EventPayload.RoleAssigned;
import dev.warroom.incident.EventPayload.RunbookStarted;
import dev.warroom.incident.EventPayload.SeverityChanged;
import dev.warroom.incident.EventPayload.SliObserved;
import dev.warroom.incident.EventPayload.StatusUpdatePosted;
import dev.warroom.incident.EventPayload.StepAcked;
import dev.warroom.incident.EventPayload.StepFailed;
import dev.warroom.incident.EventPayload.StepSkipped;
import dev.warroom.incident.EventPayload.StepVerified;
import dev.warroom.incident.EventPayload.TicketOpened;
import dev.warroom.incident.Incident;
import dev.warroom.incident.Severity;
import dev.warroom.incident.SeverityPolicy;
import dev.warroom.incident.SeverityTarget;
import dev.warroom.incident.TimelineEvent;
import dev.warroom.slo.SloFormat;
import dev.warroom.time.Durations;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The content of every generated section of a postmortem, each derived from the incident's
 * timeline alone. Nothing here names a person as a cause: people appear as who was paged, who
 * acked and who held a role.
 */
final class PostmortemSections {
    static final String SUMMARY = "summary";
    static final String IMPACT = "impact";
    static final String DETECTION = "detection";
    static final String TIMELINE = "timeline";
    static final String RESPONSE = "response";
    static final String MITIGATION = "mitigation";
    static final String ROOT_CAUSE = "root-cause";
    static final String WENT_WELL = "went-well";
    static final String WENT_POORLY = "went-poorly";
    static final String LUCKY = "lucky";
    static final String ACTION_ITEMS = "action-items";
    static final String REGRESSION_CASE = "regression-case";

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY_CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private final SeverityPolicy policy;
    private final SeverityTarget target;
    private final Incident incident;
    private final List<TimelineEvent> events;
    private final Long seed;
    private final Impact impact;
    private final Instant end;

    PostmortemSections(SeverityPolicy policy, Incident incident, List<TimelineEvent> events, Long seed) {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("a postmortem needs the incident's timeline; " + incident.id() + " has none");
        }
        this.policy = policy;
        this.target = policy.target(incident.severity());
        this.incident = incident;
        this.events = List.copyOf(events);
        this.seed = seed;
        this.impact = Impact.from(events);
        this.end = incident.resolvedAt() != null ? incident.resolvedAt() : events.get(events.size() - 1).at();
    }

    /** When the postmortem is due; empty before resolution and for severities that need none. */
    Optional<Instant> due() {
        return incident.resolvedAt() == null ? Optional.empty()
                : target.postmortemDue(incident.resolvedAt(), policy.businessHours());
    }


    String summary() {
        StringBuilder md = new StringBuilder("| | |\n|---|---|\n");
        Severity declared = declaredSeverity();
        String declaredAs = declared == incident.severity() ? "" : " (declared as " + declared.label() + ")";
        row(md, "Severity", incident.severity().label() + declaredAs);
        row(md, "Status", incident.state().id() + (incident.drill() ? " (drill)" : ""));
        row(md, "Service", dash(incident.service()));
        row(md, "SLO", dash(incident.slo()) + (Double.isNaN(impact.objective()) ? ""
                : " (objective " + SloFormat.objective(impact.objective()) + ")"));
        row(md, "Start", UTC.format(incident.declaredAt()) + " (declared)");
        row(md, "End", incident.resolvedAt() == null ? "not resolved yet (last event " + UTC.format(end) + ")"
                : UTC.format(incident.resolvedAt()) + " (resolved)");
        row(md, "Duration", Durations.format(Duration.between(incident.declaredAt(), end))
                + (incident.resolvedAt() == null ? " so far" : ""));
        row(md, "Time to ack", incident.timeToAck().map(d -> Durations.format(d) + ackVerdict(d)).orElse("not acked"));
        row(md, "Time to mitigate", incident.timeToMitigate().map(Durations::format).orElse("not mitigated"));
        row(md, "Time to resolve", incident.timeToResolve().map(Durations::format).orElse("not resolved"));
        row(md, "Postmortem due", dueText());
        return md.toString();
    }

    private Severity declaredSeverity() {
        return events.stream().map(TimelineEvent::payload).filter(IncidentDeclared.class::isInstance)
                .map(p -> ((IncidentDeclared) p).severity()).findFirst().orElse(incident.severity());
    }

    String dueText() {
        if (!target.postmortemRequired()) {
            return "none: " + incident.severity().label() + " needs no postmortem";
        }
        String rule = target.postmortemWithin() != null
                ? "within " + hours(target.postmortemWithin()) + " of resolution"
                : target.postmortemBusinessDays() + " business days after resolution";
        return due().map(d -> UTC.format(d) + " (" + incident.severity().label() + ": " + rule + ")")
                .orElse(rule + " (not resolved yet)");
    }

    /** "24h" rather than "1d": deadlines are counted in hours. */
    private static String hours(Duration d) {
        return d.toHours() <= 72 && d.toMinutesPart() == 0 && d.toSecondsPart() == 0 ? d.toHours() + "h"
                : Durations.format(d);
    }

    private String ackVerdict(Duration took) {
        return ackTarget().map(t -> " (target " + Durations.format(t) + ": " + (took.compareTo(t) <= 0 ? "met" : "missed")
                + ")").orElse("");
    }

    private Optional<Duration> ackTarget() {
        return target.ackTarget(incident.declaredAt(), policy.businessHours());
    }


    String impactText() {
        StringBuilder md = new StringBuilder();
        String period = Durations.periodAdjective(impact.period());
        md.append("- SLO: ").append(dash(impact.slo()));
        if (!Double.isNaN(impact.objective())) {
            md.append(", objective ").append(SloFormat.objective(impact.objective())).append(" over ")
                    .append(period.replace("-", " ")).append('s');
        }
        md.append(impact.periodAssumed() ? " (period assumed: the alert did not name one)" : "").append(".\n");
        if (!Double.isNaN(impact.budgetAtAlert())) {
            md.append("- Error budget left when the alert fired: ").append(SloFormat.percent(impact.budgetAtAlert()))
                    .append(" of the ").append(period).append(" budget.\n");
        }
        if (impact.hasCounts()) {
            md.append("- Budget consumed: at least ").append(SloFormat.percent(impact.consumedMeasured()))
                    .append(" of the ").append(period).append(" budget in the measured windows; about ")
                    .append(SloFormat.percent(impact.consumedEstimated()))
                    .append(" with the gaps between readings filled");
            if (!Double.isNaN(impact.budgetAtAlert())) {
                md.append(", leaving about ").append(SloFormat.percent(impact.budgetLeftAfter()));
            }
            md.append(".\n");
            md.append("  How: each SLI reading burns (1 - SLI) / (1 - objective) times the budget rate; a reading counts")
                    .append(" only the part of its window no earlier reading covered, as a share of the ")
                    .append(period).append(" period. Gaps between readings are filled at the rate of the reading")
                    .append(" before them. What is left is the alert's figure minus what burnt after it.\n");
            md.append("- Requests affected: ").append(count(impact.badMeasured())).append(" failed of ")
                    .append(count(impact.requestsMeasured())).append(" in the measured windows (")
                    .append(Durations.format(impact.measured())).append(" of the ")
                    .append(Durations.format(impact.span())).append(" from the first reading's window to the last reading); about ")
                    .append(count(impact.badEstimated())).append(" with the gaps filled.\n");
        } else {
            md.append("- Budget consumed and requests affected: unknown, no SLI reading on the timeline carried request counts.\n");
        }
        if (!Double.isNaN(impact.peakBurn())) {
            md.append("- Peak burn rate: ").append(SloFormat.times(impact.peakBurn()))
                    .append(impact.peakBurnWindow() == null ? "" : " over " + impact.peakBurnWindow())
                    .append(" at ").append(clock(impact.peakBurnAt())).append(" (").append(since(impact.peakBurnAt()))
                    .append(").\n");
        }
        if (!Double.isNaN(impact.lowestSli())) {
            md.append("- Lowest SLI: ").append(SloFormat.sli(impact.lowestSli()))
                    .append(impact.lowestSliWindow() == null ? "" : " over " + impact.lowestSliWindow())
                    .append(" at ").append(clock(impact.lowestSliAt())).append(" (").append(since(impact.lowestSliAt()))
                    .append(").\n");
        } else {
            md.append("- Lowest SLI: no reading on the timeline.\n");
        }
        return md.toString();
    }

    private static String count(double n) {
        return String.format(Locale.ROOT, "%,d", Math.round(n));
    }


    String detection() {
        StringBuilder md = new StringBuilder();
        TimelineEvent first = first(AlertFired.class);
        if (first == null) {
            md.append("- No burn-rate alert is on the timeline: the incident was declared by ")
                    .append(events.get(0).actor()).append(".\n");
        } else {
            AlertFired a = (AlertFired) first.payload();
            md.append("- Alert `").append(dash(a.alert())).append("` on ").append(dash(a.slo()))
                    .append(a.severity() == null ? "" : " (" + a.severity().label() + " " + dash(a.action()) + ")")
                    .append(a.window() == null ? "" : ", windows " + a.window())
                    .append(": burn ").append(SloFormat.times(a.longBurn())).append(" / ")
                    .append(SloFormat.times(a.shortBurn())).append(" against a threshold of ")
                    .append(SloFormat.times(a.factor())).append(".\n");
            if (a.explanation() != null) {
                md.append("- Its explanation: \"").append(oneLine(a.explanation())).append("\"\n");
            }
            Duration lag = Duration.between(first.at(), incident.declaredAt());
            md.append("- Time to detect: ");
            if (lag.isZero()) {
                md.append("the alert opened the incident at ").append(clock(first.at()))
                        .append(": no one had to notice it first.\n");
            } else if (lag.isNegative()) {
                md.append("declared by ").append(events.get(0).actor()).append(' ').append(Durations.format(lag.negated()))
                        .append(" before the first alert fired.\n");
            } else {
                md.append("declared ").append(Durations.format(lag)).append(" after the first alert fired.\n");
            }
        }
        md.append("- Time to ack: ");
        Optional<Duration> ack = incident.timeToAck();
        Optional<Duration> goal = ackTarget();
        if (ack.isPresent()) {
            md.append(Durations.format(ack.get())).append(" (acked by ").append(incident.paging().ackedBy())
                    .append(incident.paging().level() == null ? "" : ", " + incident.paging().level()).append(')');
            goal.ifPresent(t -> md.append(" against the ").append(incident.severity().label()).append(" target of ")
                    .append(Durations.format(t)).append(": ").append(ack.get().compareTo(t) <= 0 ? "met" : "missed"));
            md.append(".\n");
        } else if (!target.pages()) {
            md.append(incident.severity().label()).append(" does not page")
                    .append(incident.ticket() == null ? "" : "; ticket " + incident.ticket() + " was opened")
                    .append(", to be picked up by the next business day.\n");
        } else {
            md.append("no one acked");
            goal.ifPresent(t -> md.append(": the ").append(incident.severity().label()).append(" target of ")
                    .append(Durations.format(t)).append(Duration.between(incident.declaredAt(), end).compareTo(t) > 0
                            ? " was missed" : " has not passed yet"));
            md.append(".\n");
        }
        return md.toString();
    }


    String timeline() {
        boolean multiDay = !incident.declaredAt().atZone(ZoneOffset.UTC).toLocalDate()
                .equals(events.get(events.size() - 1).at().atZone(ZoneOffset.UTC).toLocalDate());
        StringBuilder md = new StringBuilder();
        if (!multiDay) {
            md.append("All times UTC on ").append(incident.declaredAt().atZone(ZoneOffset.UTC).toLocalDate()).append(".\n\n");
        }
        md.append("| UTC | Since start | Actor | Event |\n|---|---|---|---|\n");
        for (TimelineEvent e : events) {
            md.append("| ").append(multiDay ? DAY_CLOCK.format(e.at()) : CLOCK.format(e.at())).append(" | ")
                    .append(since(e.at())).append(" | ").append(cell(e.actor())).append(" | ")
                    .append(cell(EventSummaries.summarize(e.payload()))).append(" |\n");
        }
        return md.toString();
    }


    String response() {
        StringBuilder md = new StringBuilder();
        List<String> pages = new ArrayList<>();
        List<String> escalations = new ArrayList<>();
        for (TimelineEvent e : events) {
            if (e.payload() instanceof Paged p) {
                pages.add(at(e) + " paged " + join(" ", p.level(), p.target()) + (p.contact() == null ? "" : " (" + p.contact() + ")")
                        + (p.cycle() > 1 ? ", repeat " + (p.cycle() - 1) : "") + (p.pager() == null ? "" : " via " + p.pager()));
            } else if (e.payload() instanceof Escalated x) {
                escalations.add(at(e) + " " + dash(x.fromLevel()) + " -> " + join(" ", x.toLevel(), x.target())
                        + (x.reason() == null ? "" : ": " + x.reason()));
            } else if (e.payload() instanceof EscalationExhausted x) {
                escalations.add(at(e) + " the ladder was exhausted at " + dash(x.lastLevel()) + " after " + x.cycles()
                        + (x.cycles() == 1 ? " pass" : " passes"));
            }
        }
        md.append("- Pages: ").append(pages.isEmpty() ? "none" + (incident.ticket() == null ? "" : " (ticket " + incident.ticket() + ")")
                : pages.size() + "").append('\n');
        pages.forEach(p -> md.append("  - ").append(p).append('\n'));
        md.append("- Escalations: ").append(escalations.isEmpty() ? "none" : escalations.size() + "").append('\n');
        escalations.forEach(x -> md.append("  - ").append(x).append('\n'));
        TimelineEvent ack = first(Acknowledged.class);
        md.append("- Acked: ").append(ack == null ? "no one" : ((Acknowledged) ack.payload()).by()
                + parenthesized(((Acknowledged) ack.payload()).level()) + " at " + at(ack)).append('\n');
        TimelineEvent ticket = first(TicketOpened.class);
        if (ticket != null) {
            TicketOpened t = (TicketOpened) ticket.payload();
            md.append("- Ticket: ").append(t.ticket()).append(t.queue() == null ? "" : " in " + t.queue()).append(" at ")
                    .append(at(ticket)).append('\n');
        }
        if (!incident.roles().isEmpty()) {
            md.append("- Roles: ");
            List<String> roles = new ArrayList<>();
            incident.roles().forEach((role, person) -> roles.add(role.replace('_', ' ') + ": " + person));
            md.append(String.join("; ", roles)).append('\n');
        }
        statusUpdates().ifPresent(s -> md.append("- Status updates: ").append(s.text()).append('\n'));
        Map<String, Run> runs = runbooks();
        if (runs.isEmpty()) {
            md.append("- Runbook: none was started.\n");
        }
        for (Run run : runs.values()) {
            RunbookStarted r = run.started;
            md.append("\nRunbook `").append(r.runbook()).append("`").append(r.title() == null ? "" : " — " + r.title())
                    .append(", started at ").append(at(run.at)).append(":\n\n");
            md.append("- Version (content hash): ").append(dash(r.version())).append('\n');
            md.append("- Source: ").append(dash(r.source())).append('\n');
            md.append("- Commit: ").append(r.commit() == null ? "none (not run from a Git checkout)" : r.commit()).append("\n\n");
            md.append("| Step | Title | Outcome | Check |\n|---|---|---|---|\n");
            for (Map.Entry<Integer, Step> s : run.steps.entrySet()) {
                Step step = s.getValue();
                md.append("| ").append(s.getKey()).append(" | ").append(cell(dash(step.title))).append(" | ")
                        .append(cell(step.outcomes.isEmpty() ? "no outcome recorded" : String.join("; ", step.outcomes)))
                        .append(" | ").append(cell(step.checks.isEmpty() ? "—" : String.join("; ", step.checks)))
                        .append(" |\n");
            }
            int last = run.steps.isEmpty() ? 0 : run.steps.lastKey();
            if (r.steps() > last) {
                md.append(r.steps() > last + 1 ? "\nSteps " + (last + 1) + "–" + r.steps() + " of " + r.steps() + " were"
                                : "\nStep " + r.steps() + " of " + r.steps() + " was").append(" not run")
                        .append(incident.mitigatedAt() != null ? ": the SLI had recovered." : ".").append('\n');
            }
        }
        return md.toString();
    }

    /** The outcome of one runbook as its step events tell it. */
    private static final class Run {
        final RunbookStarted started;
        final Instant at;
        final TreeMap<Integer, Step> steps = new TreeMap<>();

        Run(RunbookStarted started, Instant at) {
            this.started = started;
            this.at = at;
        }

        Step step(int n, String title) {
            Step s = steps.computeIfAbsent(n, k -> new Step());
            if (s.title == null) {
                s.title = title;
            }
            return s;
        }
    }

    private static final class Step {
        String title;
        final List<String> outcomes = new ArrayList<>();
        final List<String> checks = new ArrayList<>();
        final List<String> failures = new ArrayList<>();
        final List<String> failedChecks = new ArrayList<>();
    }

    private Map<String, Run> runbooks() {
        Map<String, Run> runs = new LinkedHashMap<>();
        for (TimelineEvent e : events) {
            EventPayload p = e.payload();
            if (p instanceof RunbookStarted r) {
                runs.put(r.runbook(), new Run(r, e.at()));
            } else if (p instanceof StepAcked s && runs.containsKey(s.runbook())) {
                runs.get(s.runbook()).step(s.step(), s.title()).outcomes.add("acked at " + since(e.at()));
            } else if (p instanceof StepSkipped s && runs.containsKey(s.runbook())) {
                runs.get(s.runbook()).step(s.step(), s.title()).outcomes.add("skipped (" + or(s.reason(), "no reason given") + ")");
            } else if (p instanceof StepFailed s && runs.containsKey(s.runbook())) {
                Step step = runs.get(s.runbook()).step(s.step(), s.title());
                step.outcomes.add("failed (" + or(s.reason(), "no reason given") + ")");
                step.failures.add(since(e.at()) + ": " + or(s.reason(), "no reason given"));
            } else if (p instanceof StepVerified v && runs.containsKey(v.runbook())) {
                Step step = runs.get(v.runbook()).step(v.step(), null);
                step.checks.add("`" + or(v.check(), "check") + "` " + (v.passed() ? "passed" : "did not pass")
                        + " (observed " + observed(v.observed()) + ")");
                if (!v.passed()) {
                    step.failedChecks.add("`" + or(v.check(), "check") + "` observed " + observed(v.observed()));
                }
            }
        }
        return runs;
    }

    private static String observed(double v) {
        return Double.isNaN(v) ? "no data" : new DecimalFormat("0.####", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(v);
    }

    private record Cadence(String text, boolean missed, Duration longest, Duration every) {
    }

    /** Whether status updates kept the severity's cadence while the incident was open. */
    private Optional<Cadence> statusUpdates() {
        List<Instant> updates = events.stream().filter(e -> e.payload() instanceof StatusUpdatePosted)
                .map(TimelineEvent::at).toList();
        Duration every = target.statusUpdateEvery();
        if (updates.isEmpty() && every == null) {
            return Optional.empty();
        }
        List<Instant> points = new ArrayList<>();
        points.add(incident.declaredAt());
        points.addAll(updates);
        points.add(end);
        Duration longest = Duration.ZERO;
        for (int i = 1; i < points.size(); i++) {
            Duration gap = Duration.between(points.get(i - 1), points.get(i));
            longest = gap.compareTo(longest) > 0 ? gap : longest;
        }
        StringBuilder text = new StringBuilder().append(updates.size()).append(" posted; the longest stretch without one was ")
                .append(Durations.format(longest));
        boolean missed = every != null && longest.compareTo(every) > 0;
        if (every != null) {
            text.append(" against the ").append(incident.severity().label()).append(" cadence of every ")
                    .append(Durations.format(every)).append(": ").append(missed ? "missed" : "met");
        }
        return Optional.of(new Cadence(text.toString(), missed, longest, every));
    }


    String mitigation() {
        StringBuilder md = new StringBuilder();
        List<TimelineEvent> applied = events.stream().filter(e -> e.payload() instanceof MitigationApplied).toList();
        if (applied.isEmpty()) {
            md.append("No mitigation was applied.\n");
        } else {
            md.append("| UTC | Mitigation | Reversible | Runbook step | SLI before | SLI after |\n|---|---|---|---|---|---|\n");
            for (int i = 0; i < applied.size(); i++) {
                TimelineEvent e = applied.get(i);
                MitigationApplied m = (MitigationApplied) e.payload();
                long nextSeq = i + 1 < applied.size() ? applied.get(i + 1).seq() : Long.MAX_VALUE;
                md.append("| ").append(CLOCK.format(e.at())).append(" (").append(since(e.at())).append(") | ")
                        .append(cell(or(m.title(), m.mitigation()))).append(" | ").append(m.reversible() ? "yes" : "no (one-way)")
                        .append(" | ").append(m.step() == null ? "—" : cell(dash(m.runbook()) + " step " + m.step()))
                        .append(" | ").append(reading(before(e.seq()))).append(" | ").append(reading(after(e.seq(), nextSeq)))
                        .append(" |\n");
            }
        }
        TimelineEvent mitigated = first(Mitigated.class);
        md.append('\n');
        if (mitigated == null) {
            md.append("Not mitigated").append(incident.isOpen() ? " yet" : "").append(".\n");
        } else {
            Mitigated m = (Mitigated) mitigated.payload();
            md.append("Mitigated at ").append(at(mitigated)).append(", SLI ").append(SloFormat.sli(m.sli()))
                    .append(m.summary() == null ? "" : ": " + oneLine(m.summary())).append(".\n");
        }
        return md.toString();
    }

    private SliObserved before(long seq) {
        SliObserved last = null;
        for (TimelineEvent e : events) {
            if (e.seq() < seq && e.payload() instanceof SliObserved o) {
                last = o;
            }
        }
        return last;
    }

    private SliObserved after(long seq, long beforeSeq) {
        for (TimelineEvent e : events) {
            if (e.seq() > seq && e.seq() < beforeSeq && e.payload() instanceof SliObserved o) {
                return o;
            }
        }
        return null;
    }

    private static String reading(SliObserved o) {
        return o == null ? "—" : SloFormat.sli(o.sli()) + (o.window() == null ? "" : " (" + o.window() + ")");
    }


    String rootCause() {
        TimelineEvent resolved = first(Resolved.class);
        StringBuilder md = new StringBuilder();
        if (incident.rootCause() != null && !incident.rootCause().isBlank()) {
            md.append(incident.rootCause().strip()).append('\n');
        } else {
            md.append("_To be written: which conditions in the system let this happen, and why they were not caught earlier._\n");
        }
        if (resolved != null && ((Resolved) resolved.payload()).summary() != null) {
            md.append("\nResolved at ").append(at(resolved)).append(": ")
                    .append(oneLine(((Resolved) resolved.payload()).summary())).append('\n');
        }
        return md.toString();
    }


    String wentWell() {
        List<String> bullets = new ArrayList<>();
        TimelineEvent alert = first(AlertFired.class);
        if (alert != null && !alert.at().isAfter(incident.declaredAt())) {
            bullets.add("The burn-rate alert `" + ((AlertFired) alert.payload()).alert()
                    + "` opened the incident: no one had to notice the failure first.");
        }
        incident.timeToAck().ifPresent(d -> ackTarget().filter(t -> d.compareTo(t) <= 0).ifPresent(t ->
                bullets.add("Ack took " + Durations.format(d) + ", within the " + Durations.format(t) + " target.")));
        Map<String, Run> runs = runbooks();
        for (Run run : runs.values()) {
            boolean failed = run.steps.values().stream().anyMatch(s -> !s.failures.isEmpty());
            if (!failed && incident.mitigatedAt() != null) {
                bullets.add("Runbook `" + run.started.runbook() + "` worked: no step failed, and " + run.steps.size()
                        + " of its " + run.started.steps() + " steps were enough to recover.");
            }
        }
        List<MitigationApplied> mitigations = events.stream().map(TimelineEvent::payload)
                .filter(MitigationApplied.class::isInstance).map(MitigationApplied.class::cast).toList();
        if (!mitigations.isEmpty() && mitigations.stream().allMatch(MitigationApplied::reversible)) {
            bullets.add("Every mitigation applied (" + mitigations.size() + ") was reversible.");
        }
        statusUpdates().filter(c -> c.every() != null && !c.missed()).ifPresent(c ->
                bullets.add("Status updates kept the " + Durations.format(c.every()) + " cadence (longest gap "
                        + Durations.format(c.longest()) + ")."));
        incident.timeToMitigate().ifPresent(d -> bullets.add("The SLI was back above the objective "
                + Durations.format(d) + " after declaration."));
        return bullets(bullets, "Nothing on the timeline stands out as having gone well.");
    }

    String wentPoorly() {
        List<String> bullets = new ArrayList<>();
        incident.timeToAck().ifPresent(d -> ackTarget().filter(t -> d.compareTo(t) > 0).ifPresent(t ->
                bullets.add("Ack took " + Durations.format(d) + ", over the " + Durations.format(t) + " target.")));
        int escalations = incident.paging().escalations();
        if (escalations > 0) {
            bullets.add("The page escalated " + times(escalations) + " before anyone acked.");
        }
        if (first(EscalationExhausted.class) != null) {
            bullets.add("The escalation ladder ran out: every level was paged and the page went unanswered.");
        }
        for (Run run : runbooks().values()) {
            for (Map.Entry<Integer, Step> s : run.steps.entrySet()) {
                for (String f : s.getValue().failures) {
                    bullets.add("Step " + s.getKey() + " of runbook `" + run.started.runbook() + "` failed at " + f + ".");
                }
                for (String check : s.getValue().failedChecks) {
                    bullets.add("The check of step " + s.getKey() + " of runbook `" + run.started.runbook()
                            + "` did not pass: " + check + ".");
                }
            }
        }
        events.stream().map(TimelineEvent::payload).filter(MitigationApplied.class::isInstance)
                .map(MitigationApplied.class::cast).filter(m -> !m.reversible())
                .forEach(m -> bullets.add("A one-way mitigation was needed: " + or(m.title(), m.mitigation()) + "."));
        statusUpdates().filter(Cadence::missed).ifPresent(c -> bullets.add("Status updates fell behind: "
                + Durations.format(c.longest()) + " without one, against every " + Durations.format(c.every()) + "."));
        events.stream().map(TimelineEvent::payload).filter(SeverityChanged.class::isInstance)
                .map(SeverityChanged.class::cast).forEach(c -> bullets.add("The severity had to be changed from "
                        + (c.from() == null ? "?" : c.from().label()) + " to " + c.to().label()
                        + (c.reason() == null ? "" : " (" + oneLine(c.reason()) + ")") + "."));
        if (!Double.isNaN(impact.lowestSli()) && !Double.isNaN(impact.objective()) && impact.lowestSli() < impact.objective()) {
            bullets.add("The SLI fell to " + SloFormat.sli(impact.lowestSli()) + " against the "
                    + SloFormat.objective(impact.objective()) + " objective.");
        }
        return bullets(bullets, "Nothing on the timeline stands out as having gone poorly.");
    }

    String lucky() {
        List<String> bullets = new ArrayList<>();
        TimelineEvent ack = first(Acknowledged.class);
        if (ack != null && incident.paging().escalations() > 0) {
            Acknowledged a = (Acknowledged) ack.payload();
            bullets.add("When the first page went unanswered, " + a.by() + parenthesized(a.level())
                    + " was reachable at the next level.");
        }
        if (policy.businessHours().contains(incident.declaredAt())) {
            bullets.add("It started in business hours (" + CLOCK.format(incident.declaredAt())
                    + " UTC), when most of the team was around.");
        }
        if (impact.hasCounts() && !Double.isNaN(impact.budgetAtAlert()) && impact.budgetLeftAfter() > 0
                && impact.budgetAtAlert() < 0.5) {
            bullets.add("The budget was already down to " + SloFormat.percent(impact.budgetAtAlert())
                    + " when the alert fired and did not run out.");
        }
        return bullets(bullets, "Nothing on the timeline points to luck.");
    }


    List<ActionItem> actionItems() {
        List<ActionItem> items = new ArrayList<>();
        LocalDate due = due().map(d -> d.atZone(ZoneOffset.UTC).toLocalDate()).orElse(null);
        String priority = switch (incident.severity()) {
            case SEV0, SEV1 -> "P1";
            case SEV2 -> "P2";
            case SEV3 -> "P3";
        };
        for (Run run : runbooks().values()) {
            for (Map.Entry<Integer, Step> s : run.steps.entrySet()) {
                for (String f : s.getValue().failures) {
                    items.add(new ActionItem("Make step " + s.getKey() + " of runbook " + run.started.runbook()
                            + (s.getValue().title == null ? "" : " (" + s.getValue().title + ")")
                            + " work, or replace it: it failed at " + f,
                            "owner of runbook " + run.started.runbook(), due, priority, "step_failed"));
                }
            }
        }
        incident.timeToAck().ifPresent(d -> ackTarget().filter(t -> d.compareTo(t) > 0).ifPresent(t ->
                items.add(new ActionItem("Find why the ack took " + Durations.format(d) + " against the "
                        + Durations.format(t) + " target (" + times(incident.paging().escalations())
                        + " escalated) and fix the paging path", "on-call lead", due, priority, "ack target missed"))));
        if (incident.timeToAck().isEmpty() && target.pages() && ackTarget().isPresent()
                && Duration.between(incident.declaredAt(), end).compareTo(ackTarget().get()) > 0) {
            items.add(new ActionItem("Find why no page was acked within " + Durations.format(ackTarget().get())
                    + " and fix the paging path", "on-call lead", due, priority, "ack target missed"));
        }
        statusUpdates().filter(Cadence::missed).ifPresent(c -> items.add(new ActionItem(
                "Make the status-update reminder hard to miss: " + Durations.format(c.longest())
                        + " passed without one against every " + Durations.format(c.every()),
                "incident process owner", due, priority, "status update cadence missed")));
        return items;
    }

    String actionItemsTable() {
        List<ActionItem> items = actionItems();
        if (items.isEmpty()) {
            return "No failed step or missed target on the timeline to prefill from.\n";
        }
        StringBuilder md = new StringBuilder("Prefilled from the timeline; owner and due date are proposals for the review.\n\n")
                .append("| Action | Owner | Due | Priority |\n|---|---|---|---|\n");
        for (ActionItem item : items) {
            md.append("| ").append(cell(item.action())).append(" | ").append(cell(item.owner())).append(" | ")
                    .append(item.due() == null ? "—" : item.due().toString()).append(" | ").append(item.priority())
                    .append(" |\n");
        }
        return md.toString();
    }


    String regressionCase() {
        if (incident.scenario() == null) {
            return "This incident did not come from a drill scenario, so there is no failure shape to replay yet:"
                    + " write a scenario under `runbooks/drills/` that reproduces it, run it with `warroom drill --auto`,"
                    + " and save its regression-case.json under `runbooks/regressions/` for `warroom regress`.\n";
        }
        Long drillSeed = seed != null ? seed : declaredSeed();
        StringBuilder md = new StringBuilder();
        if (drillSeed == null) {
            md.append("The timeline does not record the drill's seed, so `seed` is 0 here; `warroom drill` writes the")
                    .append(" case with its seed to regression-case.json.\n\n");
        } else {
            md.append("Replayed by `warroom regress` once saved under `runbooks/regressions/`.\n\n");
        }
        String json = RegressionCase.from(incident, events, drillSeed == null ? 0 : drillSeed).toJson();
        md.append("```json\n").append(json.replace("\r\n", "\n").stripTrailing()).append("\n```\n");
        return md.toString();
    }

    private Long declaredSeed() {
        TimelineEvent declared = first(EventPayload.IncidentDeclared.class);
        return declared == null ? null : ((EventPayload.IncidentDeclared) declared.payload()).seed();
    }

    private TimelineEvent first(Class<? extends EventPayload> type) {
        return events.stream().filter(e -> type.isInstance(e.payload())).findFirst().orElse(null);
    }

    private String since(Instant at) {
        Duration d = Duration.between(incident.declaredAt(), at);
        return (d.isNegative() ? "" : "+") + Durations.format(d);
    }

    private String at(TimelineEvent e) {
        return at(e.at());
    }

    private String at(Instant t) {
        return CLOCK.format(t) + " (" + since(t) + ")";
    }

    private static String clock(Instant t) {
        return CLOCK.format(t);
    }

    private static String times(int n) {
        return n == 1 ? "once" : n == 2 ? "twice" : n + " times";
    }

    private static String bullets(List<String> bullets, String none) {
        if (bullets.isEmpty()) {
            return "- " + none + "\n";
        }
        StringBuilder md = new StringBuilder();
        bullets.forEach(b -> md.append("- ").append(b).append('\n'));
        return md.toString();
    }

    private static void row(StringBuilder md, String key, String value) {
        md.append("| ").append(key).append(" | ").append(cell(value)).append(" |\n");
    }

    private static String cell(String s) {
        return oneLine(s).replace("|", "\\|");
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private static String dash(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }

    private static String or(String s, String fallback) {
        return s == null || s.isBlank() ? fallback : s;
    }

    private static String parenthesized(String s) {
        return s == null || s.isBlank() ? "" : " (" + s + ")";
    }

    private static String join(String sep, String... parts) {
        List<String> kept = new ArrayList<>();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                kept.add(p);
            }
        }
        return String.join(sep, kept);
    }
}
