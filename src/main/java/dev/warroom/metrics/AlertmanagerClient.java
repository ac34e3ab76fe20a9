package dev.warroom.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Reads the alerts Alertmanager holds ({@code GET /api/v2/alerts}) for the console's triage panel.
 * Only the v2 API is used: v1 is deprecated since 0.16 and gone in 0.27.
 *
 * <p>It talks through the same HTTP layer as the Prometheus and Grafana sources ({@link HttpClients},
 * {@link HttpExchange}), so the same rules hold for all three: redirects are not followed (one to
 * another host must not take the token along), an internal CA is trusted through its PEM file, the
 * connect, read and call timeouts apply, and every failure is mapped the same way and scrubbed of
 * the configured secret before it becomes a {@link SourceException}.
 *
 * <p>Calls block on the network and must not run on the FX thread; the client is thread-safe.
 */
public final class AlertmanagerClient implements AutoCloseable {
    public static final Duration DEFAULT_TIMEOUT = SourceConfig.DEFAULT_CALL_TIMEOUT;
    /** What {@link SourceConfig} is called when a caller gives only a URL. */
    public static final String SOURCE_NAME = "alertmanager";
    /** Enough of an error body to say what went wrong, not a page of HTML. */
    private static final int MAX_ERROR_CHARS = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpExchange http;
    private final String name;

    /**
     * One alert as Alertmanager holds it.
     *
     * @param fingerprint Alertmanager's hash of the label set, the same the webhook sends
     * @param name        the {@code alertname} label; null if absent
     * @param startsAt    when it started firing; null if Alertmanager did not say
     * @param status      {@code active}, {@code suppressed} (silenced or inhibited) or {@code unprocessed}
     */
    public record FiringAlert(String fingerprint, String name, Map<String, String> labels,
                              Map<String, String> annotations, Instant startsAt, String status) {
        public FiringAlert {
            Objects.requireNonNull(fingerprint, "fingerprint");
            labels = Map.copyOf(labels);
            annotations = Map.copyOf(annotations);
        }

        /** The {@code runbook_url} annotation, or null. */
        public String runbookUrl() {
            return annotations.get("runbook_url");
        }
    }

    /**
     * A client for the Alertmanager {@code config} points at (e.g. {@code http://127.0.0.1:9093}, or
     * with a path prefix when it sits behind a proxy), with its credentials, CA file and timeouts.
     *
     * @throws SourceConfigException when the CA file cannot be used
     */
    public AlertmanagerClient(SourceConfig config) {
        Objects.requireNonNull(config, "config");
        HttpUrl base = config.baseUrl();
        String where = base.host() + ":" + base.port();
        // badges show several Alertmanager messages side by side with Prometheus ones; the address says which
        this.name = config.name().equals(where) ? where : config.name() + " " + where;
        this.http = new HttpExchange(HttpClients.build(config), name, config);
    }

    /**
     * A client for {@code baseUrl} as a person types it, named {@value #SOURCE_NAME}.
     *
     * @param bearerToken sent as {@code Authorization: Bearer} for a proxy in front; null or blank for none
     * @param timeout     for the whole call, connect to last byte; also bounds the connect and read timeouts
     * @throws SourceConfigException (an IllegalArgumentException) when {@code baseUrl} is not an http(s) URL
     */
    public AlertmanagerClient(String baseUrl, String bearerToken, Duration timeout) {
        this(config(baseUrl, bearerToken, timeout));
    }

    /** Without a token, with {@link #DEFAULT_TIMEOUT}. */
    public AlertmanagerClient(String baseUrl) {
        this(baseUrl, null, DEFAULT_TIMEOUT);
    }

    private static SourceConfig config(String baseUrl, String bearerToken, Duration timeout) {
        // of() moves a user:password@ out of the URL into basic credentials, so it is never printed
        SourceConfig config = SourceConfig.of(SOURCE_NAME, baseUrl);
        if (bearerToken != null && !bearerToken.isBlank()) {
            // one Authorization header only: the token set up for the proxy is the deliberate choice
            config = config.withCredentials(Credentials.bearer(Credentials.Secret.of(bearerToken.strip())));
        }
        Duration call = timeout == null ? DEFAULT_TIMEOUT : timeout;
        // a connect or read may not outlast the whole call: a short timeout must hold in every phase
        Duration connect = SourceConfig.DEFAULT_CONNECT_TIMEOUT.compareTo(call) < 0 ? SourceConfig.DEFAULT_CONNECT_TIMEOUT : call;
        return config.withTimeouts(connect, call, call);
    }

    /** For badges and logs: the source name, host and port, never credentials. */
    public String name() {
        return name;
    }

    /** Alerts that fire and are neither silenced nor inhibited: what someone should look at now. */
    public List<FiringAlert> firingAlerts() throws SourceException {
        return alerts(false, false);
    }

    /**
     * Active alerts, oldest first, optionally with the silenced and inhibited ones.
     *
     * @throws SourceException as {@link HttpExchange} maps it: UNREACHABLE, TIMEOUT, UNAVAILABLE (5xx, 429),
     *                         UNAUTHORIZED (401, 403), BAD_QUERY (400, 422) or MALFORMED (a redirect, 404 and
     *                         other statuses, or not the documented JSON array)
     */
    public List<FiringAlert> alerts(boolean silenced, boolean inhibited) throws SourceException {
        HttpUrl url = http.config().resolve("api/v2/alerts").newBuilder()
                .addQueryParameter("active", "true")
                .addQueryParameter("silenced", Boolean.toString(silenced))
                .addQueryParameter("inhibited", Boolean.toString(inhibited))
                .build();
        // the Authorization header comes from the client's interceptor, built from the config's credentials
        HttpExchange.Answer answer = http.send(new Request.Builder().url(url).header("Accept", "application/json").get().build());
        if (!answer.isSuccessful()) {
            throw http.statusFailure(answer.code(), detail(answer));
        }
        if (!answer.contentType().contains("json")) {
            String type = answer.contentType();
            throw new SourceException(SourceException.Failure.MALFORMED, http.scrub(name + " answered " + answer.code()
                    + " with " + (type.isEmpty() ? "no content type" : type) + " instead of JSON: " + clip(answer.body())));
        }
        return parse(answer.body());
    }

    /**
     * The server's words for a failed call. Alertmanager's own 4xx body is a bare JSON string, which
     * the shared {@link HttpExchange#detail} (looking for an object's error or message) would drop.
     */
    private static String detail(HttpExchange.Answer answer) {
        String b = answer.body().strip();
        if (b.length() >= 2 && b.startsWith("\"") && b.endsWith("\"")) {
            try {
                return clip(JSON.readValue(b, String.class));
            } catch (JsonProcessingException e) {
                // not a JSON string after all: read it as any other body
            }
        }
        return HttpExchange.detail(answer);
    }

    private List<FiringAlert> parse(String text) throws SourceException {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw malformed("the body is not JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isArray()) {
            throw malformed("expected a JSON array of alerts, got " + (root == null ? "nothing" : root.getNodeType()));
        }
        List<FiringAlert> alerts = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            alerts.add(alert(root.get(i), "[" + i + "]"));
        }
        alerts.sort(Comparator.comparing(FiringAlert::startsAt, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(FiringAlert::fingerprint));
        return List.copyOf(alerts);
    }

    private FiringAlert alert(JsonNode node, String path) throws SourceException {
        if (!node.isObject()) {
            throw malformed(path + " is not an alert object");
        }
        JsonNode fingerprint = node.get("fingerprint");
        if (fingerprint == null || !fingerprint.isTextual() || fingerprint.asText().isBlank()) {
            throw malformed(path + ".fingerprint is missing");
        }
        Map<String, String> labels = strings(node.get("labels"), path + ".labels");
        Map<String, String> annotations = strings(node.get("annotations"), path + ".annotations");
        Instant startsAt = null;
        JsonNode starts = node.get("startsAt");
        if (starts != null && starts.isTextual() && !starts.asText().isEmpty()) {
            try {
                startsAt = OffsetDateTime.parse(starts.asText()).toInstant();
            } catch (DateTimeParseException e) {
                throw malformed(path + ".startsAt is not an RFC 3339 time: " + clip(starts.asText()));
            }
        }
        String state = node.path("status").path("state").asText(null);
        return new FiringAlert(fingerprint.asText(), labels.get("alertname"), labels, annotations, startsAt, state);
    }

    private Map<String, String> strings(JsonNode node, String path) throws SourceException {
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw malformed(path + " is not an object");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw malformed(path + "." + e.getKey() + " is not a string");
            }
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    private SourceException malformed(String what) {
        // what quotes the server's data, which may echo anything, the token included
        return new SourceException(SourceException.Failure.MALFORMED, http.scrub(name + " sent alerts Warroom cannot read: "
                + what));
    }

    private static String clip(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= MAX_ERROR_CHARS ? line : line.substring(0, MAX_ERROR_CHARS - 3) + "...";
    }

    @Override
    public void close() {
        // the client was built for this source alone (HttpClients.build), so its threads and pool are ours to stop
        HttpClients.release(http.client());
    }
}
