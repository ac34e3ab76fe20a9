package dev.warroom.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;

/**
 * Keeps one source's live values coming: every interval it evaluates the current list of instant
 * queries, all at one evaluation instant, at most {@link PollSettings#maxInFlight()} at a time, and hands
 * the whole cycle to a listener as one {@link PollResult}.
 *
 * <p>Schedule: after a healthy cycle the next one starts one interval after this one started, so ages
 * stay regular; a cycle that runs past that tick is never overlapped, and the ticks it missed are
 * skipped rather than run back to back, so a slow Prometheus is not kept saturated. When a cycle fails transiently as a whole
 * ({@link PollResult#failedTransiently()}) the next one waits a {@link Backoff} delay instead, counted
 * from the cycle's end; the first cycle with an answer returns to the grid. Failures that waiting will
 * not fix (401, bad PromQL) keep the normal interval and are reported, never retried faster.
 *
 * <p>Threading: cycles run on one daemon thread named {@code warroom-poll-<source>}; queries on up to
 * {@code maxInFlight} daemon threads {@code warroom-poll-<source>-<n>}. The listener is called on the
 * cycle's thread and must hand its result to the FX thread itself ({@code Platform.runLater}); a listener
 * that throws is logged and the poller carries on. {@link #state()} may be read from any thread. The
 * poller does not own the source: closing the poller leaves the source open.
 */
public final class Poller implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Poller.class.getName());

    private final MetricsSource source;
    private final String name;
    private final Supplier<List<String>> queries;
    private final PollSettings settings;
    private final Clock clock;
    private final RandomGenerator random;
    private final Consumer<PollResult> listener;
    private final ScheduledExecutorService scheduler;
    private final ThreadPoolExecutor requests;
    private final ReentrantLock cycle = new ReentrantLock();
    private final Set<Future<?>> inFlight = ConcurrentHashMap.newKeySet();

    private volatile PollerState state;
    private volatile boolean closed;
    /** Cycles in a row that failed transiently: the backoff's exponent. Guarded by {@link #cycle}. */
    private int transientFailures;
    /** What the last cycle asked the schedule to wait. Guarded by {@link #cycle}. */
    private Duration delayAfterLastCycle;
    /** Guarded by this. */
    private ScheduledFuture<?> next;
    private boolean started;

    /**
     * @param queries  asked at the start of every cycle, so the set may change between polls
     * @param clock    gives each cycle its evaluation instant and measures how long it took
     * @param listener receives one result per cycle, on the poller's thread
     */
    public Poller(MetricsSource source, Supplier<List<String>> queries, PollSettings settings, Clock clock,
                  Consumer<PollResult> listener) {
        this(source, queries, settings, clock, new SplittableRandom(), listener);
    }

    /** As above with the backoff's jitter drawn from {@code random}, so a test can seed it. */
    public Poller(MetricsSource source, Supplier<List<String>> queries, PollSettings settings, Clock clock,
                  RandomGenerator random, Consumer<PollResult> listener) {
        this.source = Objects.requireNonNull(source, "source");
        this.name = source.name();
        this.queries = Objects.requireNonNull(queries, "queries");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.state = PollerState.before(name);
        this.delayAfterLastCycle = settings.interval();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(daemon("warroom-poll-" + name, false));
        // One thread per allowed request is the concurrency limit itself; idle threads go away between polls.
        this.requests = new ThreadPoolExecutor(settings.maxInFlight(), settings.maxInFlight(), 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), daemon("warroom-poll-" + name, true));
        this.requests.allowCoreThreadTimeOut(true);
    }

    public String source() {
        return name;
    }

    public PollSettings settings() {
        return settings;
    }

    public PollerState state() {
        return state;
    }

    /** Starts polling now and then on schedule until {@link #close()}. */
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("the poller for " + name + " is closed");
        }
        if (started) {
            throw new IllegalStateException("the poller for " + name + " is already running");
        }
        started = true;
        PollerState s = state;
        state = new PollerState(name, s.lastPollAt(), clock.instant(), s.consecutiveFailures(), s.backingOff(),
                s.lastError());
        schedule(Duration.ZERO);
    }

    /**
     * Runs one cycle at {@code at} on the calling thread (its queries still run on the request threads)
     * and returns what it delivered to the listener. Updates {@link #state()} and the schedule the next
     * cycle would follow, exactly as a scheduled cycle does; waits if another cycle is running.
     *
     * @throws CancellationException if the poller is closed before or during the cycle; nothing is delivered
     */
    public PollResult runOnce(Instant at) {
        Objects.requireNonNull(at, "at");
        cycle.lock();
        try {
            if (closed) {
                throw closedNow();
            }
            List<String> asked = currentQueries();
            Instant started = clock.instant();
            List<QueryOutcome> outcomes = evaluateAll(asked, at);
            Instant ended = clock.instant();
            Duration took = Duration.between(started, ended);
            PollResult result = new PollResult(name, at, outcomes, took.isNegative() ? Duration.ZERO : took,
                    asked.size());
            // checked and advanced under the lock close() takes, so a close in between cannot be overwritten
            synchronized (this) {
                if (closed) {
                    throw closedNow();
                }
                advance(result, ended);
            }
            deliver(result);
            return result;
        } finally {
            cycle.unlock();
        }
    }

    /**
     * How long to wait after a cycle that took {@code took}: to the next tick of the interval grid when
     * it was not a transient failure, else the backoff delay for {@code transientFailures} cycles in a
     * row with the jitter {@code draw} in [0, 1). Never shorter than the interval while backing off: a
     * failing source is not asked more often than a healthy one, whatever the settings.
     */
    public static Duration nextDelay(PollSettings settings, Duration took, int transientFailures, double draw) {
        Duration interval = settings.interval();
        if (transientFailures > 0) {
            Duration backoff = settings.backoff().delay(transientFailures, draw);
            return backoff.compareTo(interval) < 0 ? interval : backoff;
        }
        long every = interval.toNanos();
        long spent = Math.max(0, took.toNanos());
        long ticks = Math.max(1, (spent + every - 1) / every);
        return Duration.ofNanos(ticks * every - spent);
    }

    /**
     * Stops the schedule, cancels queued queries and interrupts running ones, and returns without waiting
     * for them: a request stuck in a socket read ends at the source's own timeout, on a daemon thread, and
     * its answer is dropped. A cycle whose answers are all in by then delivers nothing; one already
     * handing its result to the listener finishes that. Never throws.
     */
    @Override
    public void close() {
        try {
            synchronized (this) {
                closed = true;
                if (next != null) {
                    next.cancel(true);
                }
                state = state.closed();
            }
            for (Future<?> f : inFlight) {
                f.cancel(true);
            }
            scheduler.shutdownNow();
            for (Runnable queued : requests.shutdownNow()) {
                if (queued instanceof Future<?> f) {
                    f.cancel(false);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "closing the poller for " + name, e);
        }
    }

    private List<String> currentQueries() {
        List<String> supplied;
        try {
            supplied = queries.get();
        } catch (RuntimeException e) {
            // The caller's query plan is broken: poll nothing this time rather than stop the schedule.
            LOG.log(Level.WARNING, "the query list for " + name + " failed", e);
            return List.of();
        }
        if (supplied == null) {
            return List.of();
        }
        Set<String> distinct = new LinkedHashSet<>();
        for (String q : supplied) {
            if (q != null && !q.isBlank()) {
                distinct.add(q);
            }
        }
        return List.copyOf(distinct);
    }

    private List<QueryOutcome> evaluateAll(List<String> asked, Instant at) {
        List<FutureTask<QueryOutcome>> tasks = new ArrayList<>(asked.size());
        try {
            for (String q : asked) {
                FutureTask<QueryOutcome> task = new FutureTask<>(() -> evaluate(q, at));
                inFlight.add(task);
                tasks.add(task);
                if (closed) {
                    throw closedNow();
                }
                requests.execute(task);
            }
            List<QueryOutcome> outcomes = new ArrayList<>(asked.size());
            for (int i = 0; i < tasks.size(); i++) {
                outcomes.add(await(asked.get(i), tasks.get(i)));
            }
            return outcomes;
        } catch (RejectedExecutionException e) {
            throw closedNow();
        } finally {
            for (FutureTask<QueryOutcome> task : tasks) {
                task.cancel(true);
                inFlight.remove(task);
            }
        }
    }

    private QueryOutcome await(String query, FutureTask<QueryOutcome> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw closedNow();
        } catch (CancellationException e) {
            throw closedNow();
        } catch (ExecutionException e) {
            return unexpected(query, e.getCause());
        }
    }

    private QueryOutcome evaluate(String query, Instant at) {
        try {
            List<Sample> samples = source.instant(query, at);
            if (samples == null) {
                return QueryOutcome.failed(query, new SourceException(SourceException.Failure.MALFORMED,
                        name + " returned no result"));
            }
            return QueryOutcome.answered(query, samples);
        } catch (SourceException e) {
            return QueryOutcome.failed(query, e);
        } catch (RuntimeException e) {
            return unexpected(query, e);
        }
    }

    /** A source that breaks its contract: reported like garbage from the server, by type only, since its message may hold a URL. */
    private QueryOutcome unexpected(String query, Throwable cause) {
        return QueryOutcome.failed(query, new SourceException(SourceException.Failure.MALFORMED,
                name + ": unexpected " + cause.getClass().getSimpleName(), cause));
    }

    private void advance(PollResult result, Instant ended) {
        boolean backOff = result.failedTransiently();
        transientFailures = backOff ? transientFailures + 1 : 0;
        PollerState before = state;
        int failures = result.allFailed() ? before.consecutiveFailures() + 1
                : result.outcomes().isEmpty() ? before.consecutiveFailures() : 0;
        double draw = backOff ? random.nextDouble() : 0;
        delayAfterLastCycle = nextDelay(settings, result.took(), transientFailures, draw);
        state = new PollerState(name, result.at(), ended.plus(delayAfterLastCycle), failures, backOff,
                result.firstError());
    }

    private void deliver(PollResult result) {
        try {
            listener.accept(result);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a poll listener for " + name + " failed; polling goes on", e);
        }
    }

    private void scheduledCycle() {
        Duration delay = settings.interval();
        try {
            cycle.lock();
            try {
                runOnce(clock.instant());
                delay = delayAfterLastCycle;
            } finally {
                cycle.unlock();
            }
        } catch (CancellationException e) {
            return;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a poll cycle for " + name + " failed", e);
        }
        schedule(delay);
    }

    private synchronized void schedule(Duration delay) {
        if (closed) {
            return;
        }
        try {
            next = scheduler.schedule(this::scheduledCycle, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // closed between the check and the call: nothing more to run
        }
    }

    private CancellationException closedNow() {
        return new CancellationException("the poller for " + name + " is closed");
    }

    private static ThreadFactory daemon(String prefix, boolean numbered) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, numbered ? prefix + "-" + n.incrementAndGet() : prefix);
            t.setDaemon(true);
            return t;
        };
    }
}
