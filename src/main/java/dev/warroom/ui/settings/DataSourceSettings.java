package dev.warroom.ui.settings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warroom.config.YamlSource;
import dev.warroom.metrics.Credentials;
import dev.warroom.metrics.GrafanaSource;
import dev.warroom.metrics.MetricsSource;
import dev.warroom.metrics.PollSettings;
import dev.warroom.metrics.PrometheusSource;
import dev.warroom.metrics.SecretFile;
import dev.warroom.metrics.SourceConfig;
import dev.warroom.slo.spec.SloDefinition;
import dev.warroom.slo.spec.SloSpecs;
import dev.warroom.time.Durations;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Where the console's live SLOs come from, as kept in {@value #FILE_NAME} beside the store: the
 * Prometheus (or Grafana) URL, how to authenticate, how often to poll and which SLO spec files to
 * watch. The token itself never goes in here: only the path of its own owner-only file, read with
 * {@link SecretFile} when the source is opened, so this file can be copied and shown freely.
 *
 * @param grafanaUid   the Grafana data source UID; null for Prometheus
 * @param grafanaMode  how Grafana is asked; null for Prometheus
 * @param user         the basic-auth user name; null unless {@code auth} is BASIC
 * @param tokenFile    the bearer token, or the basic-auth password, alone in a file; null for NONE
 * @param caFile       a PEM file of the CA to trust instead of the system's; null for the system's
 * @param sloFiles     Sloth, OpenSLO or Warroom SLO specs, read by {@link SloSpecs}
 * @param alertmanager where the triage panel's firing alerts are read; null when none is set up
 * @param webhook      where the console receives Alertmanager's notifications; null when it does not
 * @param annotations  whether incident milestones are marked on a Grafana source's dashboards; always
 *                     true for Prometheus, which has nowhere to mark them
 */
public record DataSourceSettings(Kind kind, String url, String grafanaUid, GrafanaSource.Mode grafanaMode, Auth auth,
                                 String user, Path tokenFile, Path caFile, Duration pollInterval, List<Path> sloFiles,
                                 Alertmanager alertmanager, Webhook webhook, boolean annotations) {
    public static final String FILE_NAME = "datasource.yaml";
    /** What badges and messages call a Prometheus source; a Grafana one is "grafana/<uid>". */
    static final String PROMETHEUS_NAME = "prom";
    private static final List<String> FIELDS = List.of("kind", "url", "grafana", "auth", "ca_file", "poll_interval",
            "slo_files", "alertmanager", "webhook", "annotations");

    /**
     * The Alertmanager whose firing alerts the triage panel lists ({@code GET /api/v2/alerts}).
     *
     * @param tokenFile a bearer token for a proxy in front of it, alone in a file; null for none
     */
    public record Alertmanager(String url, Path tokenFile) {
        public Alertmanager {
            url = url == null ? "" : url.strip();
        }
    }

    /**
     * Alertmanager's webhook target inside the console, on 127.0.0.1.
     *
     * @param port       the loopback port alertmanager.yml's {@code webhook_configs[].url} names
     * @param secretFile the bearer secret Alertmanager sends, alone in a file; required, because without
     *                   it anyone on the machine could open incidents
     */
    public record Webhook(int port, Path secretFile) {
        public Webhook {
            Objects.requireNonNull(secretFile, "secretFile: the webhook does not start without a shared secret");
        }
    }

    public enum Kind {
        PROMETHEUS, GRAFANA;

        String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Auth {
        NONE, BASIC, BEARER;

        String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Settings that cannot be used, in words a person can act on; {@link #getMessage()} starts with
     * {@code file:line:} when they came from a file.
     */
    public static final class Invalid extends IllegalArgumentException {
        public Invalid(String message) {
            super(message);
        }
    }

    public DataSourceSettings {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(auth, "auth");
        url = url == null ? "" : url.strip();
        grafanaUid = blankToNull(grafanaUid);
        user = blankToNull(user);
        pollInterval = pollInterval == null ? PollSettings.DEFAULT_INTERVAL : pollInterval;
        sloFiles = sloFiles == null ? List.of() : List.copyOf(sloFiles);
        if (kind == Kind.GRAFANA && grafanaMode == null) {
            grafanaMode = GrafanaSource.Mode.PROXY;
        }
        if (kind == Kind.PROMETHEUS) {
            grafanaUid = null;
            grafanaMode = null;
        }
        if (auth != Auth.BASIC) {
            user = null;
        }
        if (auth == Auth.NONE) {
            tokenFile = null;
        }
        if (kind == Kind.PROMETHEUS) {
            // kept at the default so a Prometheus source reads back equal whatever it was built with
            annotations = true;
        }
    }

    /** Without Alertmanager or a webhook; a Grafana source marks annotations. */
    public DataSourceSettings(Kind kind, String url, String grafanaUid, GrafanaSource.Mode grafanaMode, Auth auth,
                              String user, Path tokenFile, Path caFile, Duration pollInterval, List<Path> sloFiles) {
        this(kind, url, grafanaUid, grafanaMode, auth, user, tokenFile, caFile, pollInterval, sloFiles, null, null, true);
    }

    /** Prometheus at {@code url} without credentials, polled every 15 s. */
    public static DataSourceSettings prometheus(String url, List<Path> sloFiles) {
        return new DataSourceSettings(Kind.PROMETHEUS, url, null, null, Auth.NONE, null, null, null, null, sloFiles);
    }

    /** These settings with another Alertmanager, webhook and annotations choice (the form keeps what the file said). */
    public DataSourceSettings withAlerting(Alertmanager alertmanager, Webhook webhook, boolean annotations) {
        return new DataSourceSettings(kind, url, grafanaUid, grafanaMode, auth, user, tokenFile, caFile, pollInterval,
                sloFiles, alertmanager, webhook, annotations);
    }

    /** True when incident milestones go to Grafana as annotations. */
    public boolean marksAnnotations() {
        return kind == Kind.GRAFANA && annotations;
    }

    /**
     * What is missing or contradictory, field by field, before anything is opened; empty when the
     * settings can be tried. Whether the URL parses, the files can be read and the server answers is
     * found out by {@link #openSource} and {@link #readSlos}.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (url.isEmpty()) {
            problems.add("URL: give the " + (kind == Kind.GRAFANA ? "Grafana" : "Prometheus") + " address, e.g. http://127.0.0.1:9090");
        }
        if (hasUserInfo(url)) {
            problems.add("URL: leave user:password@ out of the address (it would be saved and shown); choose Basic"
                    + " and a password file instead");
        }
        if (kind == Kind.GRAFANA && grafanaUid == null) {
            problems.add("Grafana UID: give the UID of the Prometheus data source in Grafana");
        }
        if (auth == Auth.BASIC && user == null) {
            problems.add("User: basic auth needs a user name");
        }
        if (auth != Auth.NONE && tokenFile == null) {
            problems.add((auth == Auth.BASIC ? "Password file" : "Token file") + ": choose the file that holds it (chmod 600)");
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            problems.add("Poll every: must be longer than zero");
        }
        if (sloFiles.isEmpty()) {
            problems.add("SLO files: choose at least one Sloth, OpenSLO or Warroom SLO spec");
        }
        return problems;
    }

    /** A {@code user[:password]@} before the host: credentials a person typed into the address. */
    static boolean hasUserInfo(String url) {
        int scheme = url.indexOf("://");
        int start = scheme < 0 ? 0 : scheme + 3;
        int end = url.length();
        for (char c : new char[] {'/', '?', '#'}) {
            int i = url.indexOf(c, start);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        return url.substring(start, end).contains("@");
    }

    /** The poller's settings: the defaults at this interval. */
    public PollSettings pollSettings() {
        return PollSettings.every(pollInterval);
    }

    /**
     * Opens the source these settings describe; no network yet. Reads the token file, so call off
     * the FX thread.
     *
     * @throws IOException                              the token file is missing, open to others or empty
     * @throws dev.warroom.metrics.SourceConfigException the URL, UID or CA file cannot be used
     */
    public MetricsSource openSource(Clock clock) throws IOException {
        SourceConfig config = sourceConfig();
        return kind == Kind.GRAFANA ? new GrafanaSource(config, grafanaUid, grafanaMode, clock)
                : new PrometheusSource(config, clock);
    }

    /**
     * Where the source is and how to authenticate to it; reads the token file, so call off the FX
     * thread. Grafana's annotations go to the same server with the same credentials.
     */
    public SourceConfig sourceConfig() throws IOException {
        String name = kind == Kind.GRAFANA ? "grafana" : PROMETHEUS_NAME;
        SourceConfig config = SourceConfig.of(name, url);
        config = switch (auth) {
            case NONE -> config;
            case BASIC -> config.withCredentials(Credentials.basic(user, SecretFile.read(tokenFile)));
            case BEARER -> config.withCredentials(Credentials.bearer(SecretFile.read(tokenFile)));
        };
        if (caFile != null) {
            config = config.withCaCertificate(caFile);
        }
        return config;
    }

    /**
     * Every SLO of the spec files; reads the disk.
     *
     * @throws dev.warroom.slo.spec.SloSpecException naming file and line of every bad document
     */
    public List<SloDefinition> readSlos() {
        return SloSpecs.readAll(sloFiles);
    }

    // ---- the file

    /**
     * Reads {@code file}; relative paths in it are taken from the file's folder, so a folder of
     * settings, token and specs can be moved as a whole.
     *
     * @throws Invalid     naming {@code file:line} of the first thing wrong
     * @throws IOException when the file cannot be read at all
     */
    public static DataSourceSettings read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String where = file.toString();
        YamlSource yaml;
        try {
            yaml = YamlSource.parse(text, 1);
        } catch (YamlSource.Problem e) {
            throw new Invalid(where + ":" + e.line() + ": " + e.getMessage());
        }
        JsonNode root = yaml.tree();
        if (root == null || !root.isObject()) {
            throw new Invalid(where + ":1: expected fields such as kind, url and slo_files");
        }
        Reader r = new Reader(yaml, where, file.toAbsolutePath().getParent());
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw r.wrong(name, "unknown field " + name + " (known: " + String.join(", ", FIELDS) + ")");
            }
        }
        Kind kind = r.choice("kind", Kind.class, Kind.PROMETHEUS);
        String url = r.text("url");
        if (url == null) {
            throw r.wrong("url", "url is missing");
        }
        if (hasUserInfo(url)) {
            throw r.wrong("url", "url must not carry user:password@ (this file is not secret): use auth: basic with"
                    + " user and password_file");
        }
        String uid = null;
        GrafanaSource.Mode mode = null;
        if (kind == Kind.GRAFANA) {
            uid = r.text("grafana.uid");
            if (uid == null) {
                throw r.wrong("grafana", "grafana.uid is missing: the UID of the Prometheus data source in Grafana");
            }
            mode = r.choice("grafana.mode", GrafanaSource.Mode.class, GrafanaSource.Mode.PROXY);
        }
        Auth auth = r.choice("auth.type", Auth.class, Auth.NONE);
        String user = auth == Auth.BASIC ? r.text("auth.user") : null;
        if (auth == Auth.BASIC && user == null) {
            throw r.wrong("auth", "auth.user is missing: basic auth needs a user name");
        }
        Path tokenFile = auth == Auth.NONE ? null : r.path(auth == Auth.BASIC ? "auth.password_file" : "auth.token_file");
        if (auth != Auth.NONE && tokenFile == null) {
            throw r.wrong("auth", auth == Auth.BASIC ? "auth.password_file is missing" : "auth.token_file is missing");
        }
        if (r.text("auth.token") != null || r.text("auth.password") != null) {
            throw r.wrong("auth", "a token or password does not belong in " + FILE_NAME
                    + ": put it alone in a file (chmod 600) and name it with token_file or password_file");
        }
        Path ca = r.path("ca_file");
        Duration poll = PollSettings.DEFAULT_INTERVAL;
        String pollText = r.text("poll_interval");
        if (pollText != null) {
            try {
                poll = Durations.parse(pollText);
            } catch (IllegalArgumentException e) {
                throw r.wrong("poll_interval", "poll_interval: " + e.getMessage());
            }
            if (poll.isZero()) {
                throw r.wrong("poll_interval", "poll_interval must be longer than zero");
            }
        }
        List<Path> slos = new ArrayList<>();
        JsonNode list = root.path("slo_files");
        if (list.isTextual()) {
            slos.add(r.path("slo_files"));
        } else if (list.isArray()) {
            for (int i = 0; i < list.size(); i++) {
                slos.add(r.path("slo_files[" + i + "]"));
            }
        } else if (!list.isMissingNode()) {
            throw r.wrong("slo_files", "slo_files must be a list of file paths");
        }
        if (slos.isEmpty() || slos.contains(null)) {
            throw r.wrong("slo_files", "slo_files: name at least one SLO spec file");
        }
        return new DataSourceSettings(kind, url, uid, mode, auth, user, tokenFile, ca, poll, slos,
                readAlertmanager(r), readWebhook(r), readAnnotations(r, kind));
    }

    private static Alertmanager readAlertmanager(Reader r) {
        if (!r.section("alertmanager", Set.of("url", "token_file"))) {
            return null;
        }
        if (r.text("alertmanager.token") != null) {
            throw r.wrong("alertmanager.token", "a token does not belong in " + FILE_NAME
                    + ": put it alone in a file (chmod 600) and name it with alertmanager.token_file");
        }
        String url = r.text("alertmanager.url");
        if (url == null) {
            throw r.wrong("alertmanager", "alertmanager.url is missing, e.g. http://127.0.0.1:9093");
        }
        if (okhttp3.HttpUrl.parse(url) == null) {
            throw r.wrong("alertmanager.url", "alertmanager.url is not an http(s) URL: "
                    + dev.warroom.metrics.Redactor.scrub(url));
        }
        return new Alertmanager(url, r.path("alertmanager.token_file"));
    }

    private static Webhook readWebhook(Reader r) {
        if (!r.section("webhook", Set.of("port", "secret_file"))) {
            return null;
        }
        if (r.text("webhook.secret") != null) {
            throw r.wrong("webhook.secret", "a secret does not belong in " + FILE_NAME
                    + ": put it alone in a file (chmod 600) and name it with webhook.secret_file");
        }
        String portText = r.text("webhook.port");
        if (portText == null) {
            throw r.wrong("webhook", "webhook.port is missing: the loopback port alertmanager.yml sends to, e.g. 9095");
        }
        int port;
        try {
            port = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            port = -1;
        }
        // 0 would pick a new port at every start, and alertmanager.yml names a fixed one
        if (port < 1 || port > 65535) {
            throw r.wrong("webhook.port", "webhook.port must be a port number 1..65535, not " + portText);
        }
        Path secret = r.path("webhook.secret_file");
        if (secret == null) {
            throw r.wrong("webhook", "webhook.secret_file is missing: the webhook does not start without the shared"
                    + " secret Alertmanager sends (http_config.authorization.credentials_file)");
        }
        return new Webhook(port, secret);
    }

    private static boolean readAnnotations(Reader r, Kind kind) {
        String text = r.text("annotations");
        if (text == null) {
            return true;
        }
        if (kind != Kind.GRAFANA) {
            throw r.wrong("annotations", "annotations: only a Grafana source can mark incidents on dashboards;"
                    + " remove it or use kind: grafana");
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw r.wrong("annotations", "annotations is " + text + "; expected true or false");
        };
    }

    /**
     * Writes these settings to {@code file} through a temporary file, so a crash never leaves half a
     * file; the folder is created if needed.
     */
    public void write(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
        try {
            Files.writeString(temp, toYaml(dir), StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The file's text; names paths, never a secret. */
    public String toYaml() {
        return toYaml(null);
    }

    /**
     * The file's text; paths inside {@code folder} (the file's own) are written relative to it, as a
     * person wrote them, so the folder can move as a whole.
     */
    String toYaml(Path folder) {
        java.util.function.Function<Path, String> path = p -> {
            Path absolute = p.toAbsolutePath().normalize();
            return folder != null && absolute.startsWith(folder.toAbsolutePath().normalize())
                    ? folder.toAbsolutePath().normalize().relativize(absolute).toString() : p.toString();
        };
        StringBuilder b = new StringBuilder();
        b.append("# Where Warroom's live SLO board reads from; written by Settings > Data source.\n");
        b.append("# The token or password stays in its own file (chmod 600), never here.\n");
        b.append("kind: ").append(kind.word()).append('\n');
        b.append("url: ").append(quoted(url)).append('\n');
        if (kind == Kind.GRAFANA) {
            b.append("grafana:\n");
            b.append("  uid: ").append(quoted(grafanaUid)).append('\n');
            b.append("  mode: ").append(grafanaMode.name().toLowerCase(Locale.ROOT)).append('\n');
        }
        b.append("auth:\n");
        b.append("  type: ").append(auth.word()).append('\n');
        if (auth == Auth.BASIC) {
            b.append("  user: ").append(quoted(user)).append('\n');
            b.append("  password_file: ").append(quoted(path.apply(tokenFile))).append('\n');
        } else if (auth == Auth.BEARER) {
            b.append("  token_file: ").append(quoted(path.apply(tokenFile))).append('\n');
        }
        if (caFile != null) {
            b.append("ca_file: ").append(quoted(path.apply(caFile))).append('\n');
        }
        b.append("poll_interval: ").append(Durations.format(pollInterval)).append('\n');
        b.append("slo_files:\n");
        for (Path p : sloFiles) {
            b.append("  - ").append(quoted(path.apply(p))).append('\n');
        }
        if (kind == Kind.GRAFANA) {
            b.append("annotations: ").append(annotations).append('\n');
        }
        if (alertmanager != null) {
            b.append("alertmanager:\n");
            b.append("  url: ").append(quoted(alertmanager.url())).append('\n');
            if (alertmanager.tokenFile() != null) {
                b.append("  token_file: ").append(quoted(path.apply(alertmanager.tokenFile()))).append('\n');
            }
        }
        if (webhook != null) {
            b.append("webhook:\n");
            b.append("  port: ").append(webhook.port()).append('\n');
            b.append("  secret_file: ").append(quoted(path.apply(webhook.secretFile()))).append('\n');
        }
        return b.toString();
    }

    /** A YAML double-quoted scalar: paths and URLs may hold ':' or '#'. */
    private static String quoted(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static final Set<String> INLINE_SECRETS = Set.of("token", "secret", "password");

    /** Reads fields by path and names the line of a bad one. */
    private record Reader(YamlSource yaml, String file, Path dir) {

        JsonNode node(String path) {
            JsonNode n = yaml.tree();
            for (String part : path.replace("[", ".[").split("\\.")) {
                if (part.startsWith("[")) {
                    n = n.path(Integer.parseInt(part.substring(1, part.length() - 1)));
                } else {
                    n = n.path(part);
                }
            }
            return n;
        }

        String text(String path) {
            JsonNode n = node(path);
            if (n.isMissingNode() || n.isNull()) {
                return null;
            }
            if (!n.isValueNode()) {
                throw wrong(path, path + " must be a single value");
            }
            String s = n.asText().strip();
            return s.isEmpty() ? null : s;
        }

        Path path(String field) {
            String s = text(field);
            if (s == null) {
                return null;
            }
            try {
                Path p = Path.of(s.startsWith("~/") ? System.getProperty("user.home") + s.substring(1) : s);
                return p.isAbsolute() ? p : dir.resolve(p).normalize();
            } catch (RuntimeException e) {
                throw wrong(field, field + ": not a file path: " + s);
            }
        }

        /** Whether the optional section {@code name} is there; refuses one that is not a map or has unknown fields. */
        boolean section(String name, Set<String> known) {
            JsonNode n = node(name);
            if (n.isMissingNode() || n.isNull()) {
                return false;
            }
            if (!n.isObject()) {
                throw wrong(name, name + " must be a section with " + String.join(", ", known.stream().sorted().toList()));
            }
            for (Iterator<String> names = n.fieldNames(); names.hasNext(); ) {
                String field = names.next();
                // an inline secret gets its own message, which says where it belongs instead
                if (!known.contains(field) && !INLINE_SECRETS.contains(field)) {
                    throw wrong(name + "." + field, "unknown field " + name + "." + field + " (known: "
                            + String.join(", ", known.stream().sorted().toList()) + ")");
                }
            }
            return true;
        }

        <E extends Enum<E>> E choice(String path, Class<E> type, E fallback) {
            String s = text(path);
            if (s == null) {
                return fallback;
            }
            try {
                return Enum.valueOf(type, s.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
            } catch (IllegalArgumentException e) {
                List<String> words = new ArrayList<>();
                for (E c : type.getEnumConstants()) {
                    words.add(c.name().toLowerCase(Locale.ROOT));
                }
                throw wrong(path, path + " is " + s + "; expected one of " + String.join(", ", words));
            }
        }

        Invalid wrong(String path, String message) {
            return new Invalid(file + ":" + yaml.line(path) + ": " + message);
        }
    }
}
