package dev.warroom.metrics;

import static dev.warroom.metrics.PollerTestSource.fail;
import static dev.warroom.metrics.PollerTestSource.slow;
import static dev.warroom.metrics.PollerTestSource.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.metrics.SourceException.Failure;
import dev.warroom.time.VirtualClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PollerTest {
    private static final Instant T0 = Instant.parse("2026-03-04T02:00:00Z");
    private static final Duration INTERVAL = Duration.ofSeconds(15);

    private final VirtualClock clock = new VirtualClock(T0);
    private final PollerTestSource source = new PollerTestSource("prom");
    private final List<PollResult> delivered = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> closeAfter = new ArrayList<>();
    private final ExecutorService caller = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "test-caller");
        t.setDaemon(true);
        return t;
    });

    @AfterEach
    void tearDown() throws Exception {
        source.release();
        for (AutoCloseable c : closeAfter) {
            c.close();
        }
        caller.shutdownNow();
    }

    private Poller poller(List<String> queries, PollSettings settings) {
        return poller(() -> queries, settings, clock);
    }

    private Poller poller(java.util.function.Supplier<List<String>> queries, PollSettings settings, Clock c) {
        Poller p = new Poller(source, queries, settings, c, new SplittableRandom(7), delivered::add);
        closeAfter.add(p);
        return p;
    }

    private static List<String> queries(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> "slo:sli_error:ratio_rate5m{slo=\"s" + i + "\"}").toList();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }

    /** The delay the poller chose after its last cycle, counted from the clock's now (the cycle's end). */
    private Duration delayChosen(Poller p) {
        return Duration.between(clock.instant(), p.state().nextPollAt());
    }

    @Test
    void runOnce_everyQueryOfACycle_isEvaluatedAtTheSameInstant() {
        source.otherwise((q, at) -> {
            clock.advance(Duration.ofMillis(300));
            return value(2.0).answer(q, at);
        });
        Poller p = poller(queries(12), PollSettings.defaults());
        Instant at = T0.plusSeconds(15);

        PollResult result = p.runOnce(at);

        assertEquals(12, source.callCount());
        assertEquals(Set.of(at), source.calls().stream().map(PollerTestSource.Call::at).collect(Collectors.toSet()));
        assertEquals(at, result.at());
        for (QueryOutcome o : result.outcomes()) {
            assertEquals(at, o.samples().get(0).at(), o.query());
        }
        assertEquals(List.of(result), delivered);
    }

    @Test
    void runOnce_neverHasMoreThanMaxInFlightRequests() throws Exception {
        source.otherwise(source.blocked(value(1.0)));
        Poller p = poller(queries(10), PollSettings.defaults().withMaxInFlight(3));

        CompletableFuture<PollResult> cycle = CompletableFuture.supplyAsync(() -> p.runOnce(T0), caller);
        await(() -> source.inFlight() == 3, "three requests in flight");
        // Give a fourth request every chance to start if the limit were not enforced.
        Thread.sleep(200);
        assertEquals(3, source.inFlight());
        assertEquals(3, source.callCount());
        source.release();
        PollResult result = cycle.get(5, TimeUnit.SECONDS);

        assertEquals(10, source.callCount());
        assertEquals(10, result.requests());
        assertEquals(3, source.maxInFlight(), "the limit is used, and never exceeded");
        assertTrue(source.calls().stream().allMatch(c -> c.thread().startsWith("warroom-poll-prom-")),
                source.calls().toString());
    }

    @Test
    void runOnce_reportsSamplesOrFailurePerQuery_inOrder_sendingADuplicateOnce() {
        source.on("up", value(1))
                .on("bad(", fail(Failure.BAD_QUERY, "400 from prom: 1:5: parse error"))
                .on("slow", fail(Failure.TIMEOUT, "timeout after 10s"));
        Poller p = poller(List.of("up", "bad(", "up", "slow"), PollSettings.defaults());

        PollResult result = p.runOnce(T0);

        assertEquals(List.of("up", "bad(", "slow"), result.outcomes().stream().map(QueryOutcome::query).toList());
        assertEquals(3, result.requests());
        assertEquals(3, source.callCount());
        assertEquals(1.0, result.outcome("up").orElseThrow().samples().get(0).value());
        assertEquals(Failure.BAD_QUERY, result.outcome("bad(").orElseThrow().failure().failure());
        assertEquals("timeout after 10s", result.outcome("slow").orElseThrow().failure().getMessage());
        assertEquals("prom", result.source());
        assertEquals("400 from prom: 1:5: parse error", p.state().lastError());
        assertEquals(0, p.state().consecutiveFailures(), "one answer is enough for the cycle to count as good");
        assertFalse(p.state().backingOff());
    }

    @Test
    void runOnce_tookIsMeasuredOnTheClock_andTheNextPollKeepsToTheGrid() {
        source.otherwise((q, at) -> {
            clock.advance(Duration.ofSeconds(2));
            return List.of(new Sample(null, at, 1));
        });
        Poller p = poller(queries(3), PollSettings.defaults().withMaxInFlight(1));

        PollResult quick = p.runOnce(T0);
        assertEquals(Duration.ofSeconds(6), quick.took());
        assertEquals(T0.plus(INTERVAL), p.state().nextPollAt());
        assertEquals(T0, p.state().lastPollAt());

        clock.set(T0.plus(INTERVAL));
        source.otherwise((q, at) -> {
            clock.advance(Duration.ofSeconds(7));
            return List.of(new Sample(null, at, 1));
        });
        PollResult late = p.runOnce(clock.instant());
        assertEquals(Duration.ofSeconds(21), late.took());
        // It ran past its next tick (30 s); that tick is skipped, not run back to back.
        assertEquals(T0.plus(INTERVAL.multipliedBy(3)), p.state().nextPollAt());
    }

    @Test
    void nextDelay_healthyCycle_waitsForTheNextTickAfterItEnds() {
        PollSettings s = PollSettings.defaults();
        assertEquals(INTERVAL, Poller.nextDelay(s, Duration.ZERO, 0, 0.5));
        assertEquals(Duration.ofSeconds(11), Poller.nextDelay(s, Duration.ofSeconds(4), 0, 0.5));
        assertEquals(Duration.ZERO, Poller.nextDelay(s, INTERVAL, 0, 0.5));
        assertEquals(Duration.ofSeconds(10), Poller.nextDelay(s, Duration.ofSeconds(20), 0, 0.5));
        assertEquals(Duration.ofMillis(1), Poller.nextDelay(s, Duration.ofMillis(44_999), 0, 0.5));
    }

    @Test
    void nextDelay_failingCycles_backOffButNeverFasterThanTheInterval() {
        PollSettings s = PollSettings.defaults();
        assertEquals(Duration.ofSeconds(30), Poller.nextDelay(s, Duration.ofSeconds(3), 1, 0));
        Duration shortest = Poller.nextDelay(s, Duration.ZERO, 2, 0.999_999_999);
        assertTrue(shortest.compareTo(Duration.ofSeconds(48)) >= 0 && shortest.compareTo(Duration.ofMillis(48_001)) < 0,
                shortest.toString());
        PollSettings tinyBase = s.withBackoff(Duration.ofSeconds(1), Duration.ofMinutes(5), 0.2);
        assertEquals(INTERVAL, Poller.nextDelay(tinyBase, Duration.ZERO, 1, 0.5));
        assertEquals(Duration.ofSeconds(32), Poller.nextDelay(tinyBase, Duration.ZERO, 5, 0));
    }

    @Test
    void wholeCycleFailingTransiently_backsOffDoublingWithJitter_cappedAtMax() {
        source.otherwise(fail(Failure.UNAVAILABLE, "503 from prom: overloaded"));
        PollSettings s = PollSettings.defaults();
        Poller p = poller(queries(3), s);
        long[] ceilings = {30, 60, 120, 240, 300, 300, 300, 300};
        boolean jittered = false;

        for (int n = 1; n <= ceilings.length; n++) {
            p.runOnce(clock.instant());
            Duration delay = delayChosen(p);
            Duration ceiling = Duration.ofSeconds(ceilings[n - 1]);
            Duration floor = Duration.ofMillis(Math.round(ceiling.toMillis() * (1 - s.jitter())));
            assertTrue(delay.compareTo(ceiling) <= 0 && delay.compareTo(floor) >= 0,
                    "cycle " + n + ": " + delay + " not in [" + floor + ", " + ceiling + "]");
            jittered |= delay.compareTo(ceiling) < 0;
            assertEquals(n, p.state().consecutiveFailures());
            assertTrue(p.state().backingOff());
            assertEquals("503 from prom: overloaded", p.state().lastError());
            clock.set(p.state().nextPollAt());
        }
        assertTrue(jittered, "the delays carry jitter");
        assertEquals(3 * ceilings.length, source.callCount());
    }

    @ParameterizedTest
    @EnumSource(value = Failure.class, names = {"UNREACHABLE", "TIMEOUT", "UNAVAILABLE", "MALFORMED"})
    void everyTransientFailureKind_backsOff(Failure failure) {
        source.otherwise(fail(failure, failure + " from prom"));
        Poller p = poller(queries(2), PollSettings.defaults());

        p.runOnce(T0);

        Duration delay = delayChosen(p);
        assertTrue(delay.compareTo(Duration.ofSeconds(24)) >= 0 && delay.compareTo(Duration.ofSeconds(30)) <= 0,
                delay.toString());
        assertTrue(p.state().backingOff());
    }

    @ParameterizedTest
    @EnumSource(value = Failure.class, names = {"UNAUTHORIZED", "BAD_QUERY"})
    void nonTransientFailures_keepTheIntervalAndAreReported(Failure failure) {
        String message = failure == Failure.UNAUTHORIZED ? "401 from prom: check the token" : "400 from prom: parse error";
        source.otherwise(fail(failure, message));
        Poller p = poller(queries(2), PollSettings.defaults());

        for (int n = 1; n <= 6; n++) {
            PollResult r = p.runOnce(clock.instant());
            assertTrue(r.allFailed());
            assertEquals(INTERVAL, delayChosen(p), "cycle " + n);
            assertFalse(p.state().backingOff());
            assertEquals(n, p.state().consecutiveFailures());
            assertEquals(message, p.state().lastError());
            clock.set(p.state().nextPollAt());
        }
    }

    @Test
    void allFailed_withOneBadQueryAmongTimeouts_stillBacksOff() {
        source.on("bad(", fail(Failure.BAD_QUERY, "400 from prom: parse error"))
                .otherwise(fail(Failure.TIMEOUT, "timeout after 10s"));
        Poller p = poller(List.of("bad(", "up", "rate"), PollSettings.defaults());

        p.runOnce(T0);

        assertTrue(p.state().backingOff());
        assertTrue(delayChosen(p).compareTo(INTERVAL) > 0);
        assertEquals("400 from prom: parse error", p.state().lastError(), "the first failure in query order");
    }

    @Test
    void backoff_resetsOnTheFirstGoodCycle() {
        Poller p = poller(queries(2), PollSettings.defaults());
        source.otherwise(fail(Failure.UNREACHABLE, "prom unreachable: connection refused"));
        for (int n = 0; n < 3; n++) {
            p.runOnce(clock.instant());
            clock.set(p.state().nextPollAt());
        }
        assertTrue(p.state().backingOff());
        assertEquals(3, p.state().consecutiveFailures());

        source.otherwise(value(0.5));
        p.runOnce(clock.instant());
        assertEquals(INTERVAL, delayChosen(p));
        assertEquals(0, p.state().consecutiveFailures());
        assertFalse(p.state().backingOff());
        assertNull(p.state().lastError());

        clock.set(p.state().nextPollAt());
        source.otherwise(fail(Failure.UNREACHABLE, "prom unreachable: connection refused"));
        p.runOnce(clock.instant());
        Duration delay = delayChosen(p);
        assertTrue(delay.compareTo(Duration.ofSeconds(30)) <= 0 && delay.compareTo(Duration.ofSeconds(24)) >= 0,
                "back to the first step, not the fourth: " + delay);
        assertEquals(1, p.state().consecutiveFailures());
    }

    @Test
    void partlyAnsweredCycle_doesNotBackOff_butReportsItsError() {
        source.on("up", value(1)).otherwise(fail(Failure.UNAVAILABLE, "503 from prom: overloaded"));
        Poller p = poller(List.of("rate", "up"), PollSettings.defaults());

        p.runOnce(T0);

        assertEquals(INTERVAL, delayChosen(p));
        assertFalse(p.state().backingOff());
        assertEquals(0, p.state().consecutiveFailures());
        assertEquals("503 from prom: overloaded", p.state().lastError());
    }

    @Test
    void queryListIsReadAtEveryCycle() {
        AtomicReference<List<String>> plan = new AtomicReference<>(List.of("a", "b"));
        Poller p = poller(plan::get, PollSettings.defaults(), clock);

        p.runOnce(T0);
        plan.set(List.of("c"));
        p.runOnce(T0.plus(INTERVAL));

        assertEquals(List.of("a", "b", "c"), source.calls().stream().map(PollerTestSource.Call::query).sorted().toList());
        assertEquals(List.of("c"), delivered.get(1).outcomes().stream().map(QueryOutcome::query).toList());
    }

    @Test
    void queryListThatThrows_givesAnEmptyCycle_andTheScheduleGoesOn() {
        Poller p = poller(() -> {
            throw new IllegalStateException("plan not ready");
        }, PollSettings.defaults(), clock);

        PollResult r = p.runOnce(T0);

        assertEquals(0, r.requests());
        assertTrue(r.outcomes().isEmpty());
        assertFalse(r.allFailed());
        assertEquals(T0.plus(INTERVAL), p.state().nextPollAt());
    }

    @Test
    void sourceBreakingItsContract_isAMalformedOutcome_namedByTypeOnly() {
        source.on("up", (q, at) -> {
            throw new IllegalStateException("GET http://admin:hunter2@prom:9090/api/v1/query failed");
        });
        Poller p = poller(List.of("up"), PollSettings.defaults());

        QueryOutcome o = p.runOnce(T0).outcome("up").orElseThrow();

        assertEquals(Failure.MALFORMED, o.failure().failure());
        assertEquals("prom: unexpected IllegalStateException", o.failure().getMessage());
        assertFalse(p.state().lastError().contains("hunter2"));
    }

    @Test
    void listenerThatThrows_doesNotBreakTheCycle() {
        AtomicInteger heard = new AtomicInteger();
        Poller p = new Poller(source, () -> List.of("up"), PollSettings.defaults(), clock, r -> {
            heard.incrementAndGet();
            throw new IllegalStateException("view model bug");
        });
        closeAfter.add(p);

        PollResult first = p.runOnce(T0);
        PollResult second = p.runOnce(T0.plus(INTERVAL));

        assertEquals(2, heard.get());
        assertTrue(first.outcome("up").orElseThrow().isAnswered());
        assertEquals(T0.plus(INTERVAL), p.state().lastPollAt());
        assertEquals(1, second.requests());
    }

    @Test
    void scheduled_listenerThatThrows_doesNotKillThePoller() throws Exception {
        AtomicInteger heard = new AtomicInteger();
        Poller p = new Poller(source, () -> List.of("up"), new PollSettings(Duration.ofMillis(10), 2,
                Duration.ofMillis(10), Duration.ofSeconds(1), 0.2), Clock.systemUTC(), r -> {
                    heard.incrementAndGet();
                    throw new IllegalStateException("view model bug");
                });
        closeAfter.add(p);

        p.start();

        await(() -> heard.get() >= 4, "four cycles despite the listener throwing");
    }

    @Test
    void scheduled_cyclesRunOnANamedDaemonThread_andNeverOverlap() throws Exception {
        source.otherwise(slow(Duration.ofMillis(30), value(1)));
        List<String> threads = new CopyOnWriteArrayList<>();
        AtomicInteger cycles = new AtomicInteger();
        Poller p = new Poller(source, () -> List.of("up"), new PollSettings(Duration.ofMillis(5), 4,
                Duration.ofMillis(5), Duration.ofSeconds(1), 0.2), Clock.systemUTC(), r -> {
                    Thread t = Thread.currentThread();
                    threads.add(t.getName() + (t.isDaemon() ? "/daemon" : ""));
                    cycles.incrementAndGet();
                });
        closeAfter.add(p);

        p.start();
        await(() -> cycles.get() >= 4, "four cycles");
        p.close();

        assertEquals(1, source.maxInFlight(), "a cycle of one query never overlaps the next");
        assertEquals(Set.of("warroom-poll-prom/daemon"), Set.copyOf(threads));
    }

    @Test
    void close_withARequestBlocked_returnsWithinASecond_andDeliversNothingMore() throws Exception {
        source.otherwise(source.blocked(value(1)));
        Poller p = poller(queries(2), PollSettings.defaults());
        p.start();
        await(() -> source.inFlight() == 2, "both requests in flight");

        long started = System.nanoTime();
        p.close();
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertTrue(tookMillis < 1000, "close took " + tookMillis + " ms");
        assertNull(p.state().nextPollAt());
        source.release();
        Thread.sleep(100);
        assertTrue(delivered.isEmpty(), "nothing is delivered after close");
        assertThrows(CancellationException.class, () -> p.runOnce(T0));
        assertThrows(IllegalStateException.class, p::start);
    }

    @Test
    void close_cancelsACycleRunningOnAnotherThread() throws Exception {
        source.otherwise(source.blocked(value(1)));
        Poller p = poller(queries(6), PollSettings.defaults().withMaxInFlight(2));
        CompletableFuture<PollResult> cycle = CompletableFuture.supplyAsync(() -> p.runOnce(T0), caller);
        await(() -> source.inFlight() == 2, "two requests in flight");

        p.close();

        ExecutionException e = assertThrows(ExecutionException.class, () -> cycle.get(1, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof CancellationException, e.getCause().toString());
        source.release();
        Thread.sleep(100);
        assertEquals(2, source.callCount(), "queued queries never start after close");
        assertTrue(delivered.isEmpty());
    }

    @Test
    void close_isIdempotentAndNeverThrows() {
        Poller p = poller(List.of("up"), PollSettings.defaults());
        p.close();
        p.close();
        assertNull(p.state().nextPollAt());
    }
}
