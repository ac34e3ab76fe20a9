package dev.warroom.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.time.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HealthMonitorTest {
    private static final Instant T0 = Instant.parse("2026-03-04T02:00:00Z");

    private final VirtualClock clock = new VirtualClock(T0);
    private final PollerTestSource source = new PollerTestSource("prom");
    private final List<HealthMonitor.Status> heard = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> closeAfter = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        source.release();
        for (AutoCloseable c : closeAfter) {
            c.close();
        }
    }

    private HealthMonitor monitor(java.util.function.Supplier<PollerState> poller, Duration every) {
        HealthMonitor m = new HealthMonitor(source, poller, every, clock, heard::add);
        closeAfter.add(m);
        return m;
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

    @Test
    void check_keepsTheSourcesHealth_nextToThePollersState() {
        SourceHealth ready = new SourceHealth("prom", true, true, "2.42.0", null, T0);
        PollerState polling = new PollerState("prom", T0, T0.plusSeconds(30), 2, true, "timeout after 10s");
        source.health(() -> ready);
        HealthMonitor m = monitor(() -> polling, HealthMonitor.DEFAULT_EVERY);
        assertNull(m.status().health(), "nothing checked yet");

        HealthMonitor.Status s = m.check();

        assertEquals(ready, s.health());
        assertEquals(polling, s.poller());
        assertEquals("timeout after 10s", s.lastError(), "ready, yet the board's queries time out");
        assertEquals(List.of(s), heard);
        assertEquals(s, m.status());
    }

    @Test
    void lastError_fallsBackToTheHealthCheck_andIsNullWhenAllIsWell() {
        AtomicReference<PollerState> poller = new AtomicReference<>(PollerState.before("prom"));
        source.health(() -> new SourceHealth("prom", false, false, null, "prom unreachable: connection refused", T0));
        HealthMonitor m = monitor(poller::get, HealthMonitor.DEFAULT_EVERY);

        assertEquals("prom unreachable: connection refused", m.check().lastError());

        source.health(() -> new SourceHealth("prom", true, true, "2.42.0", null, T0));
        assertNull(m.check().lastError());
        assertNull(new HealthMonitor.Status(null, null).lastError());
    }

    @Test
    void healthThatThrowsDespiteItsContract_isReportedUnreachable_byTypeOnly() {
        source.health(() -> {
            throw new IllegalStateException("GET http://admin:hunter2@prom:9090/-/ready");
        });
        HealthMonitor m = monitor(() -> null, HealthMonitor.DEFAULT_EVERY);

        SourceHealth h = m.check().health();

        assertFalse(h.reachable());
        assertFalse(h.ready());
        assertEquals("prom health check failed: unexpected IllegalStateException", h.lastError());
        assertEquals(T0, h.checkedAt());
    }

    @Test
    void start_checksAtOnce_offTheCallingThread_onANamedDaemonThread() throws Exception {
        List<String> threads = new CopyOnWriteArrayList<>();
        source.health(() -> {
            Thread t = Thread.currentThread();
            threads.add(t.getName() + (t.isDaemon() ? "/daemon" : ""));
            return new SourceHealth("prom", true, true, "2.42.0", null, T0);
        });
        HealthMonitor m = monitor(() -> null, Duration.ofHours(1));

        m.start();

        await(() -> heard.size() == 1, "the first check");
        assertEquals(List.of("warroom-health-prom/daemon"), threads);
        assertThrows(IllegalStateException.class, m::start);
    }

    @Test
    void start_keepsChecking_evenWhenHealthOrTheListenerThrows() throws Exception {
        AtomicInteger n = new AtomicInteger();
        source.health(() -> {
            if (n.incrementAndGet() % 2 == 0) {
                throw new IllegalStateException("flaky");
            }
            return new SourceHealth("prom", true, true, "2.42.0", null, T0);
        });
        AtomicInteger statuses = new AtomicInteger();
        HealthMonitor m = new HealthMonitor(source, () -> null, Duration.ofMillis(5), clock, s -> {
            statuses.incrementAndGet();
            throw new IllegalStateException("view model bug");
        });
        closeAfter.add(m);

        m.start();

        await(() -> statuses.get() >= 4, "four checks");
        assertTrue(source.healthChecks() >= 4);
    }

    @Test
    void close_withAHealthCheckHanging_returnsWithinASecond() throws Exception {
        source.health(() -> {
            source.awaitGate();
            return new SourceHealth("prom", true, true, "2.42.0", null, T0);
        });
        HealthMonitor m = monitor(() -> null, Duration.ofMillis(5));
        m.start();
        await(() -> source.healthChecks() == 1, "a check under way");

        long started = System.nanoTime();
        m.close();
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertTrue(tookMillis < 1000, "close took " + tookMillis + " ms");
        source.release();
        Thread.sleep(50);
        assertEquals(1, source.healthChecks(), "no check after close");
        assertTrue(heard.isEmpty(), "the hung check's answer is not delivered after close");
        m.close();
    }
}
