package dev.warroom.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Reads the alerts Alertmanager holds ({@code GET /api/v2/alerts}) for the console's triage panel.
 * Only the v2 API is used: v1 is deprecated since 0.16 and gone in 0.27.
 *
 * <p>Calls block on the network and must not run on the FX thread; the client is thread-safe.
 * Failures are {@link SourceException}s whose message names the source and never a credential.
 */
public final class AlertmanagerClient implements AutoCloseable {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** Enough of an error body to say what went wrong, not a page of HTML. */
    private static final int MAX_ERROR_CHARS = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpUrl base;
    private final String name;
    private final String bearerToken;
    private final OkHttpClient http;
    private final boolean ownsHttp;

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
     * A client for the Alertmanager at {@code baseUrl} (e.g. {@code http://127.0.0.1:9093}, or with a
     * path prefix when it sits behind a proxy).
     *
     * @param bearerToken sent as {@code Authorization: Bearer} for a proxy in front; null for none
     * @param timeout     for the whole call, connect to last byte
     */
    public AlertmanagerClient(String baseUrl, String bearerToken, Duration timeout) {
        this(baseUrl, bearerToken, new OkHttpClient.Builder().callTimeout(timeout).build(), true);
    }

    /** Without a token, with {@link #DEFAULT_TIMEOUT}. */
    public AlertmanagerClient(String baseUrl) {
        this(baseUrl, null, DEFAULT_TIMEOUT);
    }

    /** On a shared OkHttp client (its timeouts apply); {@link #close()} then leaves it running. */
    public AlertmanagerClient(String baseUrl, String bearerToken, OkHttpClient http) {
        this(baseUrl, bearerToken, http, false);
    }

    private AlertmanagerClient(String baseUrl, String bearerToken, OkHttpClient http, boolean ownsHttp) {
        HttpUrl parsed = HttpUrl.parse(baseUrl == null ? "" : baseUrl.strip());
        if (parsed == null) {
            throw new IllegalArgumentException("not an http(s) URL for Alertmanager: '" + redact(baseUrl) + "'");
        }
        this.base = parsed;
        this.name = "alertmanager " + parsed.host() + ":" + parsed.port();
        this.bearerToken = bearerToken == null || bearerToken.isBlank() ? null : bearerToken.strip();
        this.http = http;
        this.ownsHttp = ownsHttp;
    }

    /** For badges and logs: host and port, never credentials. */
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
     * @throws SourceException UNREACHABLE, TIMEOUT, UNAVAILABLE (5xx, 429), UNAUTHORIZED (401, 403),
     *                         BAD_QUERY (other 4xx) or MALFORMED (not the documented JSON array)
     */
    public List<FiringAlert> alerts(boolean silenced, boolean inhibited) throws SourceException {
        HttpUrl url = base.newBuilder()
                .addPathSegments("api/v2/alerts")
                .addQueryParameter("active", "true")
                .addQueryParameter("silenced", Boolean.toString(silenced))
                .addQueryParameter("inhibited", Boolean.toString(inhibited))
                .build();
        Request.Builder request = new Request.Builder().url(url).header("Accept", "application/json").get();
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        try (Response response = http.newCall(request.build()).execute()) {
            ResponseBody body = response.body();
            String text = body == null ? "" : body.string();
            if (!response.isSuccessful()) {
                throw httpFailure(response.code(), text);
            }
            String type = response.header("Content-Type", "");
            if (!type.toLowerCase(Locale.ROOT).contains("json")) {
                throw new SourceException(SourceException.Failure.MALFORMED, name + " answered " + response.code()
                        + " with " + (type.isEmpty() ? "no content type" : type) + " instead of JSON: " + clip(text));
            }
            return parse(text);
        } catch (InterruptedIOException e) {
            throw new SourceException(SourceException.Failure.TIMEOUT, name + " did not answer in time", e);
        } catch (IOException e) {
            throw new SourceException(SourceException.Failure.UNREACHABLE, name + " is unreachable: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + redact(e.getMessage())), e);
        }
    }

    private SourceException httpFailure(int code, String body) {
        SourceException.Failure failure;
        if (code == 401 || code == 403) {
            failure = SourceException.Failure.UNAUTHORIZED;
        } else if (code >= 500 || code == 429) {
            failure = SourceException.Failure.UNAVAILABLE;
        } else {
            failure = SourceException.Failure.BAD_QUERY;
        }
        String detail = body.isBlank() ? "" : ": " + clip(unquote(body));
        return new SourceException(failure, code + " from " + name + detail);
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
        return new SourceException(SourceException.Failure.MALFORMED, name + " sent alerts Warroom cannot read: "
                + what);
    }

    /** Alertmanager's 400 body is a bare JSON string; show its text. */
    private static String unquote(String body) {
        String b = body.strip();
        if (b.length() >= 2 && b.startsWith("\"") && b.endsWith("\"")) {
            try {
                return JSON.readValue(b, String.class);
            } catch (JsonProcessingException e) {
                return b;
            }
        }
        return b;
    }

    private static String clip(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= MAX_ERROR_CHARS ? line : line.substring(0, MAX_ERROR_CHARS - 3) + "...";
    }

    /** user:password@ in a URL or message never reaches a badge or a log. */
    private static String redact(String text) {
        return text == null ? "" : text.replaceAll("//[^/@\\s]*@", "//");
    }

    @Override
    public void close() {
        // a client built here owns its threads and pool; a shared one is its owner's to close
        if (ownsHttp) {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }
}
