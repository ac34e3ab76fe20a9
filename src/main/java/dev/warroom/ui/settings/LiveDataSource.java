package dev.warroom.ui.settings;

import dev.warroom.metrics.HealthMonitor;
import dev.warroom.metrics.MetricsSource;
import dev.warroom.metrics.PollerState;
import dev.warroom.metrics.SloMonitor;
import dev.warroom.metrics.SourceConfigException;
import dev.warroom.metrics.SourceHealth;
import dev.warroom.slo.AlertPolicy;
import dev.warroom.slo.spec.SloDefinition;
import dev.warroom.slo.spec.SloSpecException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The console's live data source: at most one {@link SloMonitor} (and the {@link HealthMonitor} of
 * its source) at a time, replaced as a whole when new settings are applied, and the file the
 * settings are kept in. The SLO board reads {@link #monitor()}; the Settings panel reads
 * {@link #status()}. The Alertmanager webhook and poll and the Grafana annotations ({@link LiveAlerts})
 * follow every successful connect and resume, and close with it. No JavaFX types.
 *
 * <p>Threading: {@link #connect}, {@link #resume} and {@link #save} read the disk (and
 * {@code connect} the network) and must run off the FX thread; they are serialised, so two applies
 * cannot leave two monitors polling. {@link #monitor()} and {@link #status()} never block and may be
 * called from any thread.
 */
public final class LiveDataSource implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(LiveDataSource.class.getName());

    /** What the Settings panel's health view shows; everything but {@code connected} may be null. */
    public record Status(boolean connected, String source, String version, Boolean ready, int slos,
                         int requestsPerPoll, boolean recordingRules, Instant lastPollAt, String lastError) {

        static Status notConnected(String problem) {
            return new Status(false, null, null, null, 0, 0, false, null, problem);
        }
    }

    /** What a connect found, for the panel's message. */
    public record Connected(String source, String version, boolean ready, int slos) {
    }

    /** The steps of a connect, so the panel can say where it is and stop before the swap. */
    public interface Steps {
        void step(String what);

        /** Throws {@link CancellationException} once the person gave up waiting. */
        void check();

        Steps NONE = new Steps() {
            @Override
            public void step(String what) {
            }

            @Override
            public void check() {
            }
        };
    }

    private record Live(DataSourceSettings settings, MetricsSource source, SloMonitor monitor, HealthMonitor health) {
        void close() {
            health.close();
            monitor.close();
            source.close();
        }
    }

    private final Path settingsFile;
    private final AlertPolicy policy;
    private final Clock clock;
    private final Duration healthEvery;
    private final LiveAlerts alerts;
    private volatile Live live;
    private volatile String problem;
    /** Guards the swap of {@link #live} against {@link #close()}, held only for the swap itself. */
    private final Object swap = new Object();
    private boolean closed;

    /**
     * @param settingsFile where the settings are kept ({@value DataSourceSettings#FILE_NAME} beside the
     *                     store); null when this console keeps no settings (they then apply until exit)
     */
    public LiveDataSource(Path settingsFile, AlertPolicy policy, Clock clock) {
        this(settingsFile, policy, clock, (LiveAlerts) null);
    }

    /**
     * @param alerts the console's webhook, Alertmanager poll and Grafana annotations, started with the
     *               settings' sections on connect and closed with this; null when this console has none
     */
    public LiveDataSource(Path settingsFile, AlertPolicy policy, Clock clock, LiveAlerts alerts) {
        this(settingsFile, policy, clock, HealthMonitor.DEFAULT_EVERY, alerts);
    }

    LiveDataSource(Path settingsFile, AlertPolicy policy, Clock clock, Duration healthEvery) {
        this(settingsFile, policy, clock, healthEvery, null);
    }

    LiveDataSource(Path settingsFile, AlertPolicy policy, Clock clock, Duration healthEvery, LiveAlerts alerts) {
        this.settingsFile = settingsFile;
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.healthEvery = healthEvery;
        this.alerts = alerts;
    }

    /** The webhook, Alertmanager and annotations that follow these settings; null when this console has none. */
    public LiveAlerts alerts() {
        return alerts;
    }

    /** Where the settings are kept; null when nowhere. */
    public Path settingsFile() {
        return settingsFile;
    }

    /** The monitor the board shows; null before the first connect. */
    public SloMonitor monitor() {
        Live l = live;
        return l == null ? null : l.monitor();
    }

    /** The settings in use; null before the first connect. */
    public DataSourceSettings settings() {
        Live l = live;
        return l == null ? null : l.settings();
    }

    /** The saved settings, if there are any; reads the disk. */
    public Optional<DataSourceSettings> saved() throws IOException {
        if (settingsFile == null || !Files.isRegularFile(settingsFile)) {
            return Optional.empty();
        }
        return Optional.of(DataSourceSettings.read(settingsFile));
    }

    /**
     * Connects with the saved settings, if there are any, without waiting for the source: a source
     * that is down at launch shows as stale tiles that recover when it comes back. What goes wrong
     * (a bad file, a token file others can read) is kept for {@link #status()}; never throws.
     */
    public void resume() {
        try {
            Optional<DataSourceSettings> saved = saved();
            if (saved.isPresent()) {
                start(saved.get(), false, Steps.NONE);
            }
        } catch (Exception e) {
            problem = describe(e);
            LOG.log(Level.WARNING, "the saved data source could not be started: {0}", problem);
        }
    }

    /**
     * Builds the source, reads the SLO specs, checks the source once and, when it answers, starts
     * polling it in place of the current one, which is then closed. When anything fails the current
     * source stays as it was.
     *
     * @throws Exception with a message in words ({@link #describe} words it for the panel)
     */
    public Connected connect(DataSourceSettings settings, Steps steps) throws Exception {
        return start(settings, true, steps);
    }

    /** Writes {@code settings} where they are kept, so the next launch resumes them. */
    public void save(DataSourceSettings settings) throws IOException {
        if (settingsFile != null) {
            settings.write(settingsFile);
        }
    }

    private synchronized Connected start(DataSourceSettings settings, boolean mustAnswer, Steps steps) throws Exception {
        List<String> missing = settings.problems();
        if (!missing.isEmpty()) {
            throw new DataSourceSettings.Invalid(String.join("; ", missing));
        }
        steps.step("Reading the SLO specs");
        List<SloDefinition> slos = settings.readSlos();
        if (slos.isEmpty()) {
            throw new DataSourceSettings.Invalid("the SLO files define no SLO");
        }
        steps.check();
        steps.step(settings.auth() == DataSourceSettings.Auth.NONE ? "Opening " + settings.url()
                : "Reading the " + (settings.auth() == DataSourceSettings.Auth.BASIC ? "password" : "token") + " file");
        MetricsSource source = settings.openSource(clock);
        Live next = null;
        try {
            SloMonitor monitor = new SloMonitor(source, slos, policy, settings.pollSettings(), clock, statuses -> { });
            HealthMonitor health = new HealthMonitor(source, monitor::pollerState, healthEvery, clock, s -> { });
            next = new Live(settings, source, monitor, health);
            SourceHealth checked = null;
            if (mustAnswer) {
                steps.step("Asking " + source.name() + " for its version");
                checked = health.check().health();
                if (!checked.reachable()) {
                    throw new IOException("cannot reach " + source.name() + ": "
                            + Objects.requireNonNullElse(checked.lastError(), "no answer"));
                }
                steps.check();
            }
            Live previous;
            synchronized (swap) {
                if (closed) {
                    throw new IllegalStateException("the console is closing");
                }
                monitor.start();
                health.start();
                previous = live;
                live = next;
            }
            problem = null;
            if (previous != null) {
                previous.close();
            }
            if (alerts != null) {
                // never throws: a port in use or an Alertmanager that is down is said in the health view
                alerts.apply(settings);
            }
            return new Connected(source.name(), checked == null ? null : checked.version(),
                    checked != null && checked.ready(), slos.size());
        } catch (Exception | Error e) {
            if (next != null) {
                next.close();
            } else {
                source.close();
            }
            throw e;
        }
    }

    /** The health view's values as of now. */
    public Status status() {
        Live l = live;
        if (l == null) {
            return Status.notConnected(problem);
        }
        HealthMonitor.Status h = l.health().status();
        SourceHealth health = h.health();
        PollerState poller = h.poller();
        return new Status(true, l.source().name(), health == null ? null : health.version(),
                health == null ? null : health.ready(), l.monitor().statuses().size(), l.monitor().requestsPerPoll(),
                l.monitor().usesRecordingRules(), poller == null ? null : poller.lastPollAt(), h.lastError());
    }

    /**
     * An exception from {@link #connect} or {@link #resume} in words a person can act on. Messages
     * from the sources are already redacted; the rest name files, never their contents.
     */
    public static String describe(Throwable e) {
        if (e instanceof SloSpecException spec) {
            return "SLO spec: " + spec.getMessage();
        }
        if (e instanceof DataSourceSettings.Invalid || e instanceof SourceConfigException) {
            return e.getMessage();
        }
        if (e instanceof NoSuchFileException missing) {
            String why = missing.getReason() == null ? "no such file" : missing.getReason();
            return missing.getFile() + ": " + why;
        }
        if (e instanceof AccessDeniedException denied) {
            return denied.getFile() + ": permission denied";
        }
        if (e instanceof IOException && e.getMessage() != null) {
            return e.getMessage();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /**
     * Stops polling for good. Does not wait for a connect under way (it may be waiting on the
     * network, and the console must close now): that connect finds this closed and drops its source.
     */
    @Override
    public void close() {
        Live l;
        synchronized (swap) {
            closed = true;
            l = live;
            live = null;
        }
        if (l != null) {
            l.close();
        }
        if (alerts != null) {
            alerts.close();
        }
    }
}
