package dev.warroom.ui.settings;

import dev.warroom.metrics.GrafanaSource;
import dev.warroom.time.Durations;
import dev.warroom.ui.console.ConsoleServices;
import dev.warroom.ui.console.LongAction;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Settings panel's "Data source" section: the form (kind, URL, Grafana UID and mode, auth and its
 * token file, CA file, poll interval, SLO spec files), [Connect] as a background action, and the
 * health view of the source in use. Holds no widgets; call on the FX thread.
 *
 * <p>Connect builds the source, reads the SLO files, asks the source once for its version and, when
 * it answers, starts polling it in place of the current one and saves the settings; when anything
 * fails the message says what in words and the board keeps its current source.
 *
 * <p>The Alertmanager and webhook sections are kept in the file, not the form: the form carries
 * them through a connect unchanged, and the health view says whether the webhook listens, what
 * Alertmanager fires and how Grafana's annotations fare.
 */
public final class DataSourceViewModel {
    static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    static final String NONE = "\u2014";

    private final ConsoleServices services;
    private final LiveDataSource dataSource;
    private final LongAction connecting;

    private final ObjectProperty<DataSourceSettings.Kind> kind = new SimpleObjectProperty<>(this, "kind",
            DataSourceSettings.Kind.PROMETHEUS);
    private final StringProperty url = new SimpleStringProperty(this, "url", "");
    private final StringProperty grafanaUid = new SimpleStringProperty(this, "grafanaUid", "");
    private final ObjectProperty<GrafanaSource.Mode> grafanaMode = new SimpleObjectProperty<>(this, "grafanaMode",
            GrafanaSource.Mode.PROXY);
    private final ObjectProperty<DataSourceSettings.Auth> auth = new SimpleObjectProperty<>(this, "auth",
            DataSourceSettings.Auth.NONE);
    private final StringProperty user = new SimpleStringProperty(this, "user", "");
    private final ObjectProperty<Path> tokenFile = new SimpleObjectProperty<>(this, "tokenFile");
    private final ObjectProperty<Path> caFile = new SimpleObjectProperty<>(this, "caFile");
    private final ObjectProperty<List<Path>> sloFiles = new SimpleObjectProperty<>(this, "sloFiles", List.of());
    private final StringProperty pollInterval = new SimpleStringProperty(this, "pollInterval",
            Durations.format(dev.warroom.metrics.PollSettings.DEFAULT_INTERVAL));
    private final BooleanProperty annotations = new SimpleBooleanProperty(this, "annotations", true);
    private DataSourceSettings.Alertmanager alertmanager;
    private DataSourceSettings.Webhook webhook;

    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed");
    private final ReadOnlyStringWrapper server = new ReadOnlyStringWrapper(this, "server", "not connected");
    private final ReadOnlyStringWrapper ready = new ReadOnlyStringWrapper(this, "ready", NONE);
    private final ReadOnlyStringWrapper requestsPerPoll = new ReadOnlyStringWrapper(this, "requestsPerPoll", NONE);
    private final ReadOnlyStringWrapper recordingRules = new ReadOnlyStringWrapper(this, "recordingRules", NONE);
    private final ReadOnlyStringWrapper lastPoll = new ReadOnlyStringWrapper(this, "lastPoll", NONE);
    private final ReadOnlyStringWrapper lastError = new ReadOnlyStringWrapper(this, "lastError", NONE);
    private final ReadOnlyStringWrapper webhookHealth = new ReadOnlyStringWrapper(this, "webhookHealth", NONE);
    private final ReadOnlyStringWrapper alertmanagerHealth = new ReadOnlyStringWrapper(this, "alertmanagerHealth", NONE);
    private final ReadOnlyStringWrapper annotationsHealth = new ReadOnlyStringWrapper(this, "annotationsHealth", NONE);
    private final BooleanProperty edited = new SimpleBooleanProperty(this, "edited");

    public DataSourceViewModel(ConsoleServices services) {
        this.services = services;
        this.dataSource = services.dataSource();
        this.connecting = new LongAction(services);
        // change listeners, not invalidation ones: those fire once until someone reads the value
        List<javafx.beans.value.ObservableValue<?>> fields = List.of(kind, url, grafanaUid, grafanaMode, auth, user,
                tokenFile, caFile, sloFiles, pollInterval, annotations);
        fields.forEach(f -> f.addListener((obs, was, now) -> edited.set(true)));
        load();
        refresh();
    }

    /** Fills the form with the settings in use, else the saved ones (read in the background). */
    private void load() {
        DataSourceSettings inUse = dataSource.settings();
        if (inUse != null) {
            show(inUse);
            return;
        }
        services.inBackground(dataSource::saved, saved -> {
            // the person may have started typing while the file was read: theirs wins
            if (saved.isPresent() && !edited.get()) {
                show(saved.get());
            }
        }, e -> fail("Saved data source: " + LiveDataSource.describe(e)));
    }

    private void show(DataSourceSettings s) {
        kind.set(s.kind());
        url.set(s.url());
        grafanaUid.set(s.grafanaUid() == null ? "" : s.grafanaUid());
        grafanaMode.set(s.grafanaMode() == null ? GrafanaSource.Mode.PROXY : s.grafanaMode());
        auth.set(s.auth());
        user.set(s.user() == null ? "" : s.user());
        tokenFile.set(s.tokenFile());
        caFile.set(s.caFile());
        sloFiles.set(s.sloFiles());
        pollInterval.set(Durations.format(s.pollInterval()));
        annotations.set(s.annotations());
        alertmanager = s.alertmanager();
        webhook = s.webhook();
        edited.set(false);
    }

    // ---- commands

    /**
     * Connects with the form's settings in the background; says what went wrong in words, or what it
     * connected to and where the settings were saved.
     */
    public void connect() {
        DataSourceSettings settings;
        try {
            settings = settings();
        } catch (IllegalArgumentException e) {
            fail(e.getMessage());
            return;
        }
        List<String> problems = settings.problems();
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
            return;
        }
        message.set("");
        failed.set(false);
        connecting.run("Connecting to " + settings.url(), progress -> {
            LiveDataSource.Connected c = dataSource.connect(settings, new LiveDataSource.Steps() {
                @Override
                public void step(String what) {
                    progress.update(LongAction.UNKNOWN, what + "\u2026");
                }

                @Override
                public void check() {
                    progress.check();
                }
            });
            String saved;
            try {
                dataSource.save(settings);
                saved = dataSource.settingsFile() == null ? "Not saved: this console keeps no settings."
                        : "Saved to " + dataSource.settingsFile() + ".";
            } catch (java.io.IOException e) {
                saved = "Not saved (" + LiveDataSource.describe(e) + "): it applies until Warroom exits.";
            }
            return connected(c) + " " + saved;
        }, done -> {
            message.set(done);
            failed.set(false);
            edited.set(false);
            refresh();
        }, e -> fail(LiveDataSource.describe(e) + "\nThe board keeps its current source."));
    }

    /** Re-reads the health view from the source in use; never blocks. */
    public void refresh() {
        refreshAlerts();
        LiveDataSource.Status s = dataSource.status();
        if (!s.connected()) {
            server.set("not connected");
            ready.set(NONE);
            requestsPerPoll.set(NONE);
            recordingRules.set(NONE);
            lastPoll.set(NONE);
            lastError.set(s.lastError() == null ? NONE : s.lastError());
            return;
        }
        server.set(s.source() + (s.version() == null ? "" : " " + s.version()) + " \u00B7 " + s.slos()
                + (s.slos() == 1 ? " SLO" : " SLOs"));
        ready.set(s.ready() == null ? "checking\u2026" : s.ready() ? "yes" : "no");
        requestsPerPoll.set(Integer.toString(s.requestsPerPoll()));
        recordingRules.set(s.recordingRules() ? "yes (Sloth)" : "no: the SLOs' own queries");
        lastPoll.set(s.lastPollAt() == null ? "not yet" : CLOCK.format(s.lastPollAt()));
        lastError.set(s.lastError() == null ? NONE : s.lastError());
    }

    private void refreshAlerts() {
        LiveAlerts alerts = dataSource.alerts();
        if (alerts == null) {
            webhookHealth.set("not in this console");
            alertmanagerHealth.set("not in this console");
            annotationsHealth.set("not in this console");
            return;
        }
        LiveAlerts.Status a = alerts.status();
        webhookHealth.set(webhookWords(a));
        alertmanagerHealth.set(alertmanagerWords(a.firing()));
        annotationsHealth.set(annotationsWords(a, dataSource.settings()));
    }

    static String webhookWords(LiveAlerts.Status a) {
        if (a.webhookUrl() != null) {
            return "listening on " + a.webhookUrl();
        }
        if (a.webhookProblem() != null) {
            return "not listening: " + a.webhookProblem();
        }
        return a.webhookConfigured() ? "starting\u2026" : "not set up in " + DataSourceSettings.FILE_NAME;
    }

    static String alertmanagerWords(LiveAlerts.Firing f) {
        if (!f.configured()) {
            return "not set up in " + DataSourceSettings.FILE_NAME;
        }
        if (f.lastError() != null) {
            return (f.lastGoodAt() == null ? "" : f.alerts().size() + " firing as of " + CLOCK.format(f.lastGoodAt())
                    + ", stale: ") + f.lastError();
        }
        if (f.lastPollAt() == null) {
            return "asking\u2026";
        }
        return f.alerts().size() + " firing \u00B7 asked " + CLOCK.format(f.lastPollAt());
    }

    static String annotationsWords(LiveAlerts.Status a, DataSourceSettings inUse) {
        if (a.annotationsOn()) {
            return "on \u00B7 " + a.annotationsPending() + " pending"
                    + (a.annotationsError() == null ? "" : " \u00B7 last error: " + a.annotationsError());
        }
        if (a.annotationsProblem() != null) {
            return "off: " + a.annotationsProblem();
        }
        if (inUse == null || inUse.kind() != DataSourceSettings.Kind.GRAFANA) {
            return "only with a Grafana source";
        }
        return "off";
    }

    /** The form as settings; throws {@link IllegalArgumentException} naming the field that is wrong. */
    DataSourceSettings settings() {
        Duration poll;
        try {
            poll = Durations.parse(pollInterval.get());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Poll every: " + e.getMessage());
        }
        return new DataSourceSettings(kind.get(), url.get(), grafanaUid.get(), grafanaMode.get(), auth.get(), user.get(),
                tokenFile.get(), caFile.get(), poll, sloFiles.get(), alertmanager, webhook, annotations.get());
    }

    private static String connected(LiveDataSource.Connected c) {
        return "Connected to " + c.source() + (c.version() == null ? "" : " " + c.version())
                + (c.ready() ? "" : " (not ready yet)") + ": watching " + c.slos() + (c.slos() == 1 ? " SLO." : " SLOs.");
    }

    private void fail(String why) {
        message.set(why);
        failed.set(true);
    }

    /** "slos.yml, checkout.yml" or "none chosen". */
    static String fileNames(List<Path> files) {
        return files == null || files.isEmpty() ? "none chosen"
                : files.stream().map(Path::toString).collect(Collectors.joining(", "));
    }

    // ---- properties

    public ObjectProperty<DataSourceSettings.Kind> kindProperty() {
        return kind;
    }

    public StringProperty urlProperty() {
        return url;
    }

    public StringProperty grafanaUidProperty() {
        return grafanaUid;
    }

    public ObjectProperty<GrafanaSource.Mode> grafanaModeProperty() {
        return grafanaMode;
    }

    public ObjectProperty<DataSourceSettings.Auth> authProperty() {
        return auth;
    }

    /** The basic-auth user name. */
    public StringProperty userProperty() {
        return user;
    }

    /** The file holding the bearer token or the basic-auth password; never the secret itself. */
    public ObjectProperty<Path> tokenFileProperty() {
        return tokenFile;
    }

    public ObjectProperty<Path> caFileProperty() {
        return caFile;
    }

    public ObjectProperty<List<Path>> sloFilesProperty() {
        return sloFiles;
    }

    /** "15s", "1m": how often the SLOs are polled. */
    public StringProperty pollIntervalProperty() {
        return pollInterval;
    }

    /** Whether a Grafana source marks incident milestones on its dashboards. */
    public BooleanProperty annotationsProperty() {
        return annotations;
    }

    /** "listening on http://127.0.0.1:9095/alertmanager", or why not. */
    public ReadOnlyStringProperty webhookHealthProperty() {
        return webhookHealth.getReadOnlyProperty();
    }

    /** "2 firing · asked 02:00:15 UTC", or why the list is stale or missing. */
    public ReadOnlyStringProperty alertmanagerHealthProperty() {
        return alertmanagerHealth.getReadOnlyProperty();
    }

    /** "on · 0 pending", "off", or why annotations cannot be posted. */
    public ReadOnlyStringProperty annotationsHealthProperty() {
        return annotationsHealth.getReadOnlyProperty();
    }

    public LongAction connecting() {
        return connecting;
    }

    /** What the last connect found or why it failed, in words; may span lines. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True when {@link #messageProperty()} says what went wrong. */
    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    /** "prom 2.53.0 · 3 SLOs", or "not connected". */
    public ReadOnlyStringProperty serverProperty() {
        return server.getReadOnlyProperty();
    }

    /** "yes", "no" or a dash: whether the source says it can serve queries. */
    public ReadOnlyStringProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty requestsPerPollProperty() {
        return requestsPerPoll.getReadOnlyProperty();
    }

    /** Whether Sloth's recording rules are read instead of the SLOs' own queries. */
    public ReadOnlyStringProperty recordingRulesProperty() {
        return recordingRules.getReadOnlyProperty();
    }

    /** When the last poll finished (UTC), "not yet", or a dash. */
    public ReadOnlyStringProperty lastPollProperty() {
        return lastPoll.getReadOnlyProperty();
    }

    /** The last failure, already redacted by the source, or a dash. */
    public ReadOnlyStringProperty lastErrorProperty() {
        return lastError.getReadOnlyProperty();
    }
}
