package dev.warroom.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A source for the poller's tests: per query it answers, fails with any {@link SourceException.Failure},
 * or blocks until released the way a socket read does (interrupts do not free it). It counts calls and
 * measures how many were in flight at once.
 */
final class PollerTestSource implements MetricsSource {

    /** What the source does with one query. */
    @FunctionalInterface
    interface Answer {
        List<Sample> answer(String query, Instant at) throws SourceException;
    }

    /** A record of one call. */
    record Call(String query, Instant at, String thread) {
    }

    private final String name;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private volatile Answer otherwise = value(1.0);
    private final Queue<Call> calls = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final CountDownLatch gate = new CountDownLatch(1);
    private final AtomicInteger healthChecks = new AtomicInteger();
    private volatile Supplier<SourceHealth> health;

    PollerTestSource(String name) {
        this.name = name;
        this.health = () -> new SourceHealth(name, true, true, "2.42.0", null, Instant.EPOCH);
    }

    /** Answers {@code query} with {@code answer}; other queries get the default. */
    PollerTestSource on(String query, Answer answer) {
        answers.put(query, answer);
        return this;
    }

    /** What every query without its own answer gets. */
    PollerTestSource otherwise(Answer answer) {
        this.otherwise = answer;
        return this;
    }

    PollerTestSource health(Supplier<SourceHealth> answer) {
        this.health = answer;
        return this;
    }

    /** One sample labelled with its query, at the evaluation instant asked for. */
    static Answer value(double v) {
        return (q, at) -> List.of(new Sample(Map.of("query", q), at, v));
    }

    static Answer empty() {
        return (q, at) -> List.of();
    }

    static Answer fail(SourceException.Failure failure, String message) {
        return (q, at) -> {
            throw new SourceException(failure, message);
        };
    }

    /** Waits for {@link #release()}, ignoring interrupts like a blocking socket read, then answers. */
    Answer blocked(Answer then) {
        return (q, at) -> {
            awaitGate();
            return then.answer(q, at);
        };
    }

    /** Answers after {@code d} of real time. */
    static Answer slow(Duration d, Answer then) {
        return (q, at) -> {
            try {
                Thread.sleep(d.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SourceException(SourceException.Failure.TIMEOUT, "interrupted");
            }
            return then.answer(q, at);
        };
    }

    /** Lets every blocked call go on. */
    void release() {
        gate.countDown();
    }

    void awaitGate() {
        boolean interrupted = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (gate.getCount() > 0 && System.nanoTime() < deadline) {
            try {
                gate.await(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    int callCount() {
        return calls.size();
    }

    int inFlight() {
        return inFlight.get();
    }

    int maxInFlight() {
        return maxInFlight.get();
    }

    int healthChecks() {
        return healthChecks.get();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Sample> instant(String promql, Instant at) throws SourceException {
        calls.add(new Call(promql, at, Thread.currentThread().getName()));
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
            return answers.getOrDefault(promql, otherwise).answer(promql, at);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    @Override
    public List<Series> range(String promql, Instant start, Instant end, Duration step) {
        throw new UnsupportedOperationException("the poller only asks instant queries");
    }

    @Override
    public SourceHealth health() {
        healthChecks.incrementAndGet();
        return health.get();
    }
}
