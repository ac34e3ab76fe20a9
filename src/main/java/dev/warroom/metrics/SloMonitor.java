package dev.warroom.metrics;

import dev.warroom.slo.AlertPolicy;
import dev.warroom.slo.Decision;
import dev.warroom.slo.PolicyEvaluator;
import dev.warroom.slo.spec.SloDefinition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Live SLOs from one metrics source: plans the queries (Sloth's recording rules where Prometheus
 * has them, the SLOs' own queries batched per window otherwise), polls them, evaluates the alert
 * policy on every answer, and keeps, per SLO, the last good decision, how fresh it is and why it is
 * stale, plus an SLI history for the sparkline. The same evaluation serves {@code warroom slo status}
 * at one instant ({@link #evaluate}).
 *
 * <p>Threading: polls run on the {@link Poller}'s thread; {@link #statuses()} may be read from any
 * thread and never blocks on the network.
 */
public final class SloMonitor implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SloMonitor.class.getName());
    /** How much SLI history the sparkline shows, and how far apart its points are. */
    public static final Duration SPARKLINE_SPAN = Duration.ofHours(6);
    public static final Duration SPARKLINE_STEP = Duration.ofMinutes(5);

    /**
     * One SLO as the board shows it.
     *
     * @param decision  the last decision made from good data; null before the first one
     * @param ratios    the windows behind {@code decision}
     * @param freshness how old {@code decision} is and, when stale, why
     * @param sparkline SLI points (fractions of good events), oldest first, {@link #SPARKLINE_STEP} apart
     */
    public record Status(SloDefinition definition, Decision decision, WindowRatios ratios, Freshness freshness,
                         List<Double> sparkline) {
        public Status {
            sparkline = sparkline == null ? List.of() : List.copyOf(sparkline);
        }

        public String id() {
            return definition.slothId();
        }
    }

    /** One evaluation at one instant: a status per SLO, and how many requests it took. */
    public record Evaluation(Instant at, List<Status> statuses, int requests, boolean recordingRules) {
    }

    private final MetricsSource source;
    private final List<SloDefinition> definitions;
    private final AlertPolicy policy;
    private final SloWindows windows;
    /** The window whose ratio the sparkline draws: the shortest the policy reads. */
    private final Duration sparklineWindow;
    private final Clock clock;
    private final FreshnessTracker freshness;
    private final Poller poller;
    private final Consumer<List<Status>> listener;
    private final Map<String, Status> statuses = new ConcurrentHashMap<>();
    private final Map<String, Deque<Double>> history = new HashMap<>();
    private final Map<String, Instant> lastSampled = new HashMap<>();
    /** Per SLO, {@link #history} as handed out; copied again only when a point comes or goes. */
    private final Map<String, List<Double>> sparklines = new HashMap<>();
    private volatile SloQueries plan;
    private volatile boolean discovered;
    private volatile boolean backfilled;

    /**
     * @param listener told after every poll, on the poller's thread, with every SLO's status
     */
    public SloMonitor(MetricsSource source, List<SloDefinition> definitions, AlertPolicy policy, PollSettings settings,
                      Clock clock, Consumer<List<Status>> listener) {
        this.source = Objects.requireNonNull(source, "source");
        this.definitions = List.copyOf(definitions);
        this.policy = Objects.requireNonNull(policy, "policy");
        this.windows = SloWindows.of(policy);
        this.sparklineWindow = windows.windows().stream().min(Duration::compareTo).orElseThrow();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.freshness = new FreshnessTracker(settings);
        this.plan = SloQueries.raw(this.definitions, windows);
        Instant now = clock.instant();
        for (SloDefinition d : this.definitions) {
            statuses.put(d.slothId(), new Status(d, null, null, freshness.at(d.slothId(), now), List.of()));
        }
        this.poller = new Poller(source, this::queries, settings, clock, this::onPoll);
    }

    public void start() {
        poller.start();
    }

    /** One poll at {@code at} on the calling thread, as the schedule would run it; for tests and "poll now". */
    public void pollOnce(Instant at) {
        poller.runOnce(at);
    }

    public PollerState pollerState() {
        return poller.state();
    }

    public MetricsSource source() {
        return source;
    }

    /** Every SLO's latest status, in definition order, with ages as of now. */
    public List<Status> statuses() {
        Instant now = clock.instant();
        List<Status> out = new ArrayList<>();
        for (SloDefinition d : definitions) {
            Status s = statuses.get(d.slothId());
            out.add(new Status(d, s.decision(), s.ratios(), freshness.at(d.slothId(), now), s.sparkline()));
        }
        return out;
    }

    /** Whether the plan reads Sloth's recording rules (for at least one SLO). */
    public boolean usesRecordingRules() {
        return plan.readsRecordingRules();
    }

    /** Requests one poll makes. */
    public int requestsPerPoll() {
        return plan.queries().size();
    }

    private List<String> queries() {
        if (!discovered) {
            // Sloth's rules answer one query per window for every SLO; find out once whether they exist
            try {
                List<Sample> found = source.instant(SloQueries.SLOTH_DISCOVERY, null);
                plan = plan(definitions, windows, found);
                discovered = true;
            } catch (SourceException e) {
                // keep the raw plan; the poll itself reports the failure, and discovery is tried again next poll
            }
        }
        return plan.queries().stream().map(SloQueries.PlannedQuery::promql).toList();
    }

    private static SloQueries plan(List<SloDefinition> definitions, SloWindows windows, List<Sample> discovery) {
        Set<String> recorded = SloQueries.slothRecorded(discovery, definitions, windows);
        return SloQueries.plan(definitions, windows, recorded, SloQueries.DEFAULT_MAX_BODY_BYTES);
    }

    private void onPoll(PollResult result) {
        SloQueries current = plan;
        Map<SloQueries.PlannedQuery, List<Sample>> answers = new HashMap<>();
        Map<String, SourceException> failures = new HashMap<>();
        for (SloQueries.PlannedQuery q : current.queries()) {
            result.outcome(q.promql()).ifPresent(o -> {
                if (o.isAnswered()) {
                    answers.put(q, o.samples());
                } else {
                    q.slothIds().forEach(id -> failures.putIfAbsent(id, o.failure()));
                }
            });
        }
        Map<String, WindowRatios> ratios = current.read(answers);
        for (SloDefinition d : definitions) {
            String id = d.slothId();
            if (failures.containsKey(id)) {
                // the tile keeps its last good decision; nothing new to evaluate
                freshness.failed(id, result.at(), failures.get(id));
                continue;
            }
            WindowRatios r = ratios.get(id);
            Decision decision = PolicyEvaluator.evaluate(d.slo(), policy, r);
            Status previous = statuses.get(id);
            if (decision.state() == Decision.State.NO_DATA) {
                freshness.failed(id, result.at(), noData(r));
                // no data is itself news: the tile must not keep showing an old OK as if current
                statuses.put(id, new Status(d, previous.decision() == null ? decision : previous.decision(),
                        previous.ratios() == null ? r : previous.ratios(), null, previous.sparkline()));
                continue;
            }
            freshness.good(id, result.at());
            statuses.put(id, new Status(d, decision, r, null, sample(id, result.at(), r)));
        }
        try {
            listener.accept(statuses());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "SLO status listener failed", e);
        }
        // after the tiles have their first values: a slow range query must not hold those back
        if (!backfilled && !answers.isEmpty()) {
            backfilled = true;
            backfill(current, result.at());
        }
    }

    private static String noData(WindowRatios ratios) {
        return ratios == null || ratios.problems().isEmpty() ? FreshnessTracker.NO_DATA
                : FreshnessTracker.NO_DATA + ": " + ratios.problems().get(0);
    }

    private synchronized List<Double> sample(String id, Instant at, WindowRatios ratios) {
        Deque<Double> points = history.computeIfAbsent(id, k -> new ArrayDeque<>());
        Instant last = lastSampled.get(id);
        double sli = ratios.over(sparklineWindow).sli();
        if (Double.isFinite(sli) && (last == null || !at.isBefore(last.plus(SPARKLINE_STEP)))) {
            points.addLast(sli);
            lastSampled.put(id, at);
            while (points.size() > SPARKLINE_SPAN.dividedBy(SPARKLINE_STEP)) {
                points.removeFirst();
            }
            sparklines.remove(id);
        }
        return sparklines.computeIfAbsent(id, k -> List.copyOf(points));
    }

    /** Fills the sparklines with the last hours from the source, so they do not start empty. */
    private void backfill(SloQueries current, Instant at) {
        Instant start = at.minus(SPARKLINE_SPAN);
        for (SloQueries.PlannedQuery q : current.queries()) {
            if (!q.window().equals(sparklineWindow)) {
                continue;
            }
            try {
                List<Series> series = source.range(q.promql(), start, at, SPARKLINE_STEP);
                synchronized (this) {
                    for (Series s : series) {
                        String id = s.labels().getOrDefault("sloth_id", s.labels().get(SloQueries.SLO_LABEL));
                        if (id == null || !q.slothIds().contains(id) || s.labels().containsKey(SloQueries.EVENTS_LABEL)) {
                            continue;
                        }
                        Deque<Double> points = history.computeIfAbsent(id, k -> new ArrayDeque<>());
                        points.clear();
                        sparklines.remove(id);
                        for (Series.Point p : s.points()) {
                            if (Double.isFinite(p.value())) {
                                points.addLast(1.0 - Math.min(1.0, Math.max(0.0, p.value())));
                            }
                        }
                        if (!s.points().isEmpty()) {
                            lastSampled.put(id, s.points().get(s.points().size() - 1).at());
                        }
                    }
                }
            } catch (SourceException e) {
                // the sparkline starts empty and fills as polls come in; the tiles' data is unaffected
                LOG.fine(() -> "sparkline backfill failed: " + e.getMessage());
            }
        }
    }

    /**
     * Evaluates every SLO once at {@code at} (the source's now when null, reported as {@code clock}'s now), synchronously: the same
     * plan and policy as the live board, for {@code warroom slo status}.
     *
     * @throws SourceException when no query could be answered at all
     */
    public static Evaluation evaluate(MetricsSource source, List<SloDefinition> definitions, AlertPolicy policy,
                                      Instant at, Clock clock) throws SourceException {
        SloWindows windows = SloWindows.of(policy);
        SloQueries plan;
        try {
            plan = plan(definitions, windows, source.instant(SloQueries.SLOTH_DISCOVERY, at));
        } catch (SourceException e) {
            if (!e.failure().isTransient() && e.failure() != SourceException.Failure.BAD_QUERY) {
                throw e;
            }
            plan = SloQueries.raw(definitions, windows);
        }
        Map<SloQueries.PlannedQuery, List<Sample>> answers = new LinkedHashMap<>();
        SourceException firstFailure = null;
        for (SloQueries.PlannedQuery q : plan.queries()) {
            try {
                answers.put(q, source.instant(q.promql(), at));
            } catch (SourceException e) {
                firstFailure = firstFailure == null ? e : firstFailure;
            }
        }
        if (answers.isEmpty() && firstFailure != null) {
            throw firstFailure;
        }
        Map<String, WindowRatios> ratios = plan.read(answers);
        Instant when = at != null ? at : clock.instant();
        List<Status> out = new ArrayList<>();
        for (SloDefinition d : definitions) {
            WindowRatios r = ratios.get(d.slothId());
            Decision decision = PolicyEvaluator.evaluate(d.slo(), policy, r);
            out.add(new Status(d, decision, r, new Freshness(d.slothId(), when, Duration.ZERO, null), List.of()));
        }
        return new Evaluation(when, out, plan.queries().size() + 1, plan.readsRecordingRules());
    }

    @Override
    public void close() {
        poller.close();
    }
}
