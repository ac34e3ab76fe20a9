package dev.warroom.metrics;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps what the data-source health view shows for one source: the latest {@link SourceHealth}, checked
 * on start and then every {@code every}, next to the poller's own state (its last error is often more
 * telling than readiness: Prometheus can be ready and still time out on the board's queries).
 *
 * <p>Threading: checks run on one daemon thread named {@code warroom-health-<source>}, never on the FX
 * thread; a check that hangs delays the next one rather than piling up. The listener is called on that
 * thread. {@link #status()} may be read from any thread.
 */
public final class HealthMonitor implements AutoCloseable {
    public static final Duration DEFAULT_EVERY = Duration.ofSeconds(30);
    private static final Logger LOG = Logger.getLogger(HealthMonitor.class.getName());

    /**
     * One look at a source.
     *
     * @param health the latest health check; null before the first one
     * @param poller the poller's state when this was taken; null when the source is not polled
     */
    public record Status(SourceHealth health, PollerState poller) {

        /**
         * What went wrong most recently that the view should say: the poller's last error (what the
         * tiles suffer from), else the health check's; null when both are fine.
         */
        public String lastError() {
            if (poller != null && poller.lastError() != null) {
                return poller.lastError();
            }
            return health == null ? null : health.lastError();
        }
    }

    private final MetricsSource source;
    private final String name;
    private final Supplier<PollerState> poller;
    private final Duration every;
    private final Clock clock;
    private final Consumer<Status> listener;
    private final ScheduledExecutorService scheduler;

    private volatile SourceHealth latest;
    private volatile boolean closed;
    private boolean started;

    /**
     * @param poller   the source's poller state, usually {@code poller::state}; answers null when the
     *                 source is not polled
     * @param clock    stamps a check that failed inside the source, which should not happen
     * @param listener receives every new status on the monitor's thread
     */
    public HealthMonitor(MetricsSource source, Supplier<PollerState> poller, Duration every, Clock clock,
                         Consumer<Status> listener) {
        this.source = Objects.requireNonNull(source, "source");
        this.name = source.name();
        this.poller = Objects.requireNonNull(poller, "poller");
        this.every = Objects.requireNonNull(every, "every");
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("health check interval must be positive, got " + every);
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "warroom-health-" + name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Checks now, off the calling thread, and then every interval until {@link #close()}. */
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("the health monitor for " + name + " is closed");
        }
        if (started) {
            throw new IllegalStateException("the health monitor for " + name + " is already running");
        }
        started = true;
        scheduler.scheduleWithFixedDelay(this::check, 0, every.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Checks the source on the calling thread (which must not be the FX thread), keeps and delivers the result. */
    public Status check() {
        SourceHealth health;
        try {
            health = source.health();
            if (health == null) {
                health = broken("no answer");
            }
        } catch (RuntimeException e) {
            // health() promises not to throw; if it does, say so by type only, its message may hold a URL.
            health = broken("unexpected " + e.getClass().getSimpleName());
        }
        latest = health;
        Status status = status();
        if (!closed) {
            try {
                listener.accept(status);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a health listener for " + name + " failed; checks go on", e);
            }
        }
        return status;
    }

    public Status status() {
        return new Status(latest, currentPollerState());
    }

    /** Stops the checks and returns without waiting for one that hangs; never throws. */
    @Override
    public void close() {
        try {
            synchronized (this) {
                closed = true;
            }
            scheduler.shutdownNow();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "closing the health monitor for " + name, e);
        }
    }

    private PollerState currentPollerState() {
        try {
            return poller.get();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "reading the poller state for " + name, e);
            return null;
        }
    }

    private SourceHealth broken(String why) {
        return new SourceHealth(name, false, false, null, name + " health check failed: " + why, clock.instant());
    }
}
