package dev.warroom.ui.settings;

import dev.warroom.incident.Timeline;
import dev.warroom.metrics.AlertmanagerClient;
import dev.warroom.metrics.AlertmanagerClient.FiringAlert;
import dev.warroom.metrics.AnnotatedTimeline;
import dev.warroom.metrics.GrafanaAnnotations;
import dev.warroom.metrics.SecretFile;
import dev.warroom.metrics.SourceException;
import dev.warroom.metrics.WebhookReceiver;
import java.io.IOException;
import java.net.BindException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The console's side of Alertmanager and Grafana, as {@value DataSourceSettings#FILE_NAME} sets them up:
 * the webhook receiver on 127.0.0.1 that opens incidents in the console's own timeline (the console
 * holds the store, so {@code warroom webhook} cannot run beside it), the Alertmanager whose firing
 * alerts the triage panel lists, polled every {@link #POLL_EVERY}, and Grafana annotations for the
 * milestones of incidents recorded through {@link #timeline()}. All three are replaced as a whole by
 * {@link #apply}; what fails is kept in words for the Settings health view and never thrown.
 *
 * <p>Threading: {@link #apply} reads secret files and binds a port, so it runs off the FX thread;
 * Alertmanager is asked on a thread of its own. {@link #status()}, {@link #firing()} and
 * {@link #timeline()} never block. No JavaFX types.
 */
public final class LiveAlerts implements AutoCloseable {
    /** Alertmanager re-evaluates groups every few seconds; a quarter minute keeps the list current enough. */
    public static final Duration POLL_EVERY = Duration.ofSeconds(15);

    private static final Logger LOG = Logger.getLogger(LiveAlerts.class.getName());

    /**
     * The firing alerts as last read from Alertmanager.
     *
     * @param configured false when no Alertmanager is set up
     * @param alerts     the last list read, oldest first; kept while Alertmanager is down, then stale
     * @param lastPollAt when Alertmanager was last asked; null before the first answer or failure
     * @param lastGoodAt when it last answered; null if it never has
     * @param lastError  why the last ask failed, redacted; null when it answered
     */
    public record Firing(boolean configured, List<FiringAlert> alerts, Instant lastPollAt, Instant lastGoodAt,
                         String lastError) {
        static final Firing NOT_SET_UP = new Firing(false, List.of(), null, null, null);

        public Firing {
            alerts = List.copyOf(alerts);
        }

        /** True when the list is not what Alertmanager holds now, because the last ask failed. */
        public boolean stale() {
            return lastError != null;
        }
    }

    /**
     * What the Settings health view shows of the three.
     *
     * @param webhookUrl          where the receiver listens; null when it does not
     * @param webhookProblem      why it does not listen though set up; null otherwise
     * @param annotationsOn       true when milestones go to Grafana
     * @param annotationsProblem  why annotations are off though asked for; null otherwise
     */
    public record Status(boolean webhookConfigured, String webhookUrl, String webhookProblem, Firing firing,
                         boolean annotationsOn, int annotationsPending, String annotationsError,
                         String annotationsProblem) {
    }

    /** The parts one {@link #apply} started; replaced and closed as a whole. */
    private record Running(WebhookReceiver receiver, AlertmanagerClient client, ScheduledFuture<?> poll,
                           GrafanaAnnotations annotations) {
        void close() {
            if (poll != null) {
                poll.cancel(true);
            }
            // the receiver first: a reconnect on the same port binds it again right after
            if (receiver != null) {
                receiver.close();
            }
            if (client != null) {
                client.close();
            }
            if (annotations != null) {
                annotations.close();
            }
        }
    }

    private final Timeline timeline;
    private final Clock clock;
    private final Duration pollEvery;
    private final ScheduledExecutorService poller;

    private Running running;
    private long generation;
    private boolean closed;
    private volatile boolean webhookConfigured;
    private volatile String webhookUrl;
    private volatile String webhookProblem;
    private volatile Firing firing = Firing.NOT_SET_UP;
    private volatile GrafanaAnnotations annotations;
    private volatile String annotationsProblem;

    /** @param store the store's timeline on the wall clock; the console records through {@link #timeline()} */
    public LiveAlerts(Timeline store, Clock clock) {
        this(store, clock, POLL_EVERY);
    }

    /** @param pollEvery how often Alertmanager is asked; {@link #POLL_EVERY} but in tests */
    public LiveAlerts(Timeline store, Clock clock, Duration pollEvery) {
        Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pollEvery = Objects.requireNonNull(pollEvery, "pollEvery");
        // a milestone goes to whichever Grafana is connected when it is recorded, or nowhere
        this.timeline = new AnnotatedTimeline(store, this::annotate);
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "alertmanager-poll");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * The console's timeline: the store's, with incident milestones marked on Grafana while
     * annotations are on. Give it to {@code ConsoleServices}; the webhook records through it too, so
     * incidents that alerts open are marked like any other.
     */
    public Timeline timeline() {
        return timeline;
    }

    /**
     * Stops what runs and starts what {@code settings} set up: the webhook, the Alertmanager poll and
     * Grafana annotations. Never throws: each part that cannot start says why in {@link #status()}
     * and the others run regardless.
     */
    public synchronized void apply(DataSourceSettings settings) {
        if (closed) {
            return;
        }
        stopRunning();
        long current = ++generation;
        WebhookReceiver receiver = startWebhook(settings.webhook());
        AlertmanagerClient client = null;
        ScheduledFuture<?> poll = null;
        DataSourceSettings.Alertmanager am = settings.alertmanager();
        if (am == null) {
            firing = Firing.NOT_SET_UP;
        } else {
            try {
                String token = am.tokenFile() == null ? null : SecretFile.read(am.tokenFile()).reveal();
                client = new AlertmanagerClient(am.url(), token, AlertmanagerClient.DEFAULT_TIMEOUT);
                firing = new Firing(true, List.of(), null, null, null);
                AlertmanagerClient asked = client;
                poll = poller.scheduleWithFixedDelay(() -> poll(asked, current), 0, pollEvery.toMillis(),
                        TimeUnit.MILLISECONDS);
            } catch (IOException | RuntimeException e) {
                firing = new Firing(true, List.of(), clock.instant(), null, "alertmanager not asked: "
                        + LiveDataSource.describe(e));
            }
        }
        GrafanaAnnotations grafana = null;
        annotationsProblem = null;
        if (settings.marksAnnotations()) {
            try {
                grafana = new GrafanaAnnotations(settings.sourceConfig());
            } catch (IOException | RuntimeException e) {
                annotationsProblem = LiveDataSource.describe(e);
            }
        }
        annotations = grafana;
        running = new Running(receiver, client, poll, grafana);
    }

    private WebhookReceiver startWebhook(DataSourceSettings.Webhook webhook) {
        webhookConfigured = webhook != null;
        webhookUrl = null;
        webhookProblem = null;
        if (webhook == null) {
            return null;
        }
        String secret;
        try {
            secret = SecretFile.read(webhook.secretFile()).reveal();
        } catch (IOException e) {
            webhookProblem = "no shared secret: " + LiveDataSource.describe(e);
            return null;
        }
        try {
            WebhookReceiver receiver = WebhookReceiver.start(timeline, new WebhookReceiver.Config(webhook.port(), secret));
            webhookUrl = receiver.url();
            return receiver;
        } catch (BindException e) {
            webhookProblem = "port " + webhook.port() + " in use";
        } catch (IOException | RuntimeException e) {
            webhookProblem = "cannot listen on 127.0.0.1:" + webhook.port() + ": " + LiveDataSource.describe(e);
        }
        LOG.log(Level.WARNING, "the Alertmanager webhook is not listening: {0}", webhookProblem);
        return null;
    }

    /** One ask, on the poll thread; an answer for settings already replaced is dropped. */
    private void poll(AlertmanagerClient client, long asked) {
        Instant at = clock.instant();
        Firing next;
        try {
            List<FiringAlert> alerts = client.firingAlerts();
            next = new Firing(true, alerts, at, at, null);
        } catch (SourceException | RuntimeException e) {
            Firing before = firing;
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            next = new Firing(true, before.alerts(), at, before.lastGoodAt(), why);
        }
        synchronized (this) {
            if (asked == generation && !closed) {
                firing = next;
            }
        }
    }

    private void annotate(GrafanaAnnotations.Milestone milestone) {
        GrafanaAnnotations grafana = annotations;
        if (grafana != null) {
            grafana.post(milestone);
        }
    }

    /** The firing alerts as last read; never blocks. */
    public Firing firing() {
        return firing;
    }

    /** The health view's values as of now; never blocks. */
    public Status status() {
        GrafanaAnnotations grafana = annotations;
        return new Status(webhookConfigured, webhookUrl, webhookProblem, firing, grafana != null,
                grafana == null ? 0 : grafana.pending(), grafana == null ? null : grafana.lastError(),
                annotationsProblem);
    }

    private void stopRunning() {
        Running r = running;
        running = null;
        annotations = null;
        if (r != null) {
            r.close();
        }
    }

    /** Stops the webhook, the poll and the annotations for good; milestones not yet posted are dropped. */
    @Override
    public synchronized void close() {
        closed = true;
        stopRunning();
        poller.shutdownNow();
        webhookUrl = null;
    }
}
