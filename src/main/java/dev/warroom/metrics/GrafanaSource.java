package dev.warroom.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * A Prometheus data source behind Grafana, for teams whose Prometheus is only reachable (or only
 * authorised) through Grafana. Grafana's service-account token goes as a bearer token.
 *
 * <ul>
 * <li>{@link Mode#PROXY}: Grafana's data source proxy passes the Prometheus API through unchanged,
 * so queries and their answers are {@link PrometheusSource}'s, under
 * {@code /api/datasources/proxy/uid/{uid}/}.</li>
 * <li>{@link Mode#DS_QUERY}: {@code POST /api/ds/query}, for data sources in browser access mode or
 * Grafana setups that do not allow the proxy. Answers are data frames ({@link GrafanaFrames}).
 * Grafana aligns a range's start and end down to a multiple of the step, so points may sit on a
 * slightly different grid than Prometheus' own.</li>
 * </ul>
 * Ranges are split into chunks of at most 11,000 points in both modes, as {@link PrometheusSource}
 * documents.
 */
public final class GrafanaSource implements MetricsSource {
    /** How to reach the data source through Grafana. */
    public enum Mode {
        PROXY,
        DS_QUERY
    }

    private static final String REF_ID = "A";
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    /** Grafana data source UIDs: letters, digits, '-' and '_', at most 40. */
    private static final Pattern UID = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    /** How far back an instant query through /api/ds/query looks for the latest sample. */
    private static final Duration INSTANT_LOOKBACK = Duration.ofMinutes(5);

    private final String name;
    private final String uid;
    private final Mode mode;
    private final HttpExchange http;
    private final PrometheusSource proxy;
    private final Clock clock;

    public GrafanaSource(SourceConfig config, String datasourceUid, Mode mode) {
        this(config, datasourceUid, mode, Clock.systemUTC());
    }

    public GrafanaSource(SourceConfig config, String datasourceUid, Mode mode, Clock clock) {
        if (datasourceUid == null || !UID.matcher(datasourceUid).matches()) {
            throw new SourceConfigException("source " + config.name() + ": data source UID must be 1 to 40 letters, digits, '-' or '_', not "
                    + (datasourceUid == null ? "empty" : "\"" + Redactor.scrub(datasourceUid) + "\""));
        }
        this.uid = datasourceUid;
        this.mode = Objects.requireNonNull(mode, "mode");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.name = config.name() + "/" + datasourceUid;
        this.http = new HttpExchange(HttpClients.build(config), name, config);
        HttpUrl proxyRoot = config.baseUrl().newBuilder().addPathSegments("api/datasources/proxy/uid").addPathSegment(uid).build();
        this.proxy = new PrometheusSource(name, proxyRoot, http, clock, false);
    }

    @Override
    public String name() {
        return name;
    }

    public Mode mode() {
        return mode;
    }

    @Override
    public List<Sample> instant(String promql, Instant at) throws SourceException {
        if (mode == Mode.PROXY) {
            return proxy.instant(promql, at);
        }
        ObjectNode query = query(promql);
        query.put("instant", true).put("range", false).put("intervalMs", 1000).put("maxDataPoints", 1);
        String from = at == null ? "now-" + INSTANT_LOOKBACK.toMinutes() + "m" : millis(at.minus(INSTANT_LOOKBACK));
        String to = at == null ? "now" : millis(at);
        List<Sample> out = new ArrayList<>();
        for (Series s : dsQuery(from, to, query)) {
            if (!s.points().isEmpty()) {
                Series.Point last = s.points().get(s.points().size() - 1);
                out.add(new Sample(s.labels(), last.at(), last.value()));
            }
        }
        return out;
    }

    @Override
    public List<Series> range(String promql, Instant start, Instant end, Duration step) throws SourceException {
        if (mode == Mode.PROXY) {
            return proxy.range(promql, start, end, step);
        }
        List<List<Series>> answers = new ArrayList<>();
        for (PrometheusSource.Chunk c : PrometheusSource.chunks(start, end, step)) {
            long points = (c.end().toEpochMilli() - c.start().toEpochMilli()) / step.toMillis() + 1;
            ObjectNode query = query(promql);
            // intervalMs and maxDataPoints make Grafana's own step calculation land on ours; interval is its floor
            query.put("instant", false).put("range", true).put("intervalMs", step.toMillis())
                    .put("maxDataPoints", points).put("interval", step.toMillis() + "ms");
            answers.add(dsQuery(millis(c.start()), millis(c.end()), query));
        }
        return PrometheusSource.join(answers);
    }

    @Override
    public SourceHealth health() {
        Instant checkedAt = clock.instant();
        try {
            HttpExchange.Answer answer = http.send(new Request.Builder()
                    .url(http.config().baseUrl().newBuilder().addPathSegments("api/health").build()).get().build());
            JsonNode body = PromJson.tree(answer.body());
            String database = body == null ? null : text(body, "database");
            String version = body == null ? null : text(body, "version");
            boolean ready = answer.isSuccessful() && "ok".equals(database);
            String lastError = null;
            if (!ready) {
                lastError = database != null && !"ok".equals(database)
                        ? http.scrub(answer.code() + " from " + name + ": database " + database)
                        : answer.isSuccessful()
                                ? http.scrub("malformed answer from " + name + ": /api/health has no \"database\":\"ok\"")
                                : http.statusFailure(answer).getMessage();
            }
            return new SourceHealth(name, true, ready, version, lastError, checkedAt);
        } catch (SourceException e) {
            return new SourceHealth(name, false, false, null, http.scrub(e.getMessage()), checkedAt);
        } catch (RuntimeException e) {
            // health feeds a status view that must keep drawing whatever this client does
            return new SourceHealth(name, false, false, null, http.scrub(name + ": health check failed: " + e), checkedAt);
        }
    }

    @Override
    public void close() {
        HttpClients.release(http.client());
    }

    @Override
    public String toString() {
        return "GrafanaSource[" + name + " " + mode + " " + http.config().baseUrl() + "]";
    }

    private ObjectNode query(String promql) {
        ObjectNode query = PromJson.MAPPER.createObjectNode();
        query.put("refId", REF_ID);
        query.putObject("datasource").put("uid", uid).put("type", "prometheus");
        query.put("expr", promql);
        query.put("format", "time_series");
        return query;
    }

    private List<Series> dsQuery(String from, String to, ObjectNode query) throws SourceException {
        ObjectNode request = PromJson.MAPPER.createObjectNode();
        // Grafana declares from and to as strings: epoch milliseconds in quotes, or "now-5m"
        request.put("from", from).put("to", to);
        ArrayNode queries = request.putArray("queries");
        queries.add(query);
        String body;
        try {
            body = PromJson.MAPPER.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a ds/query request", e);
        }
        HttpExchange.Answer answer = http.send(new Request.Builder()
                .url(http.config().baseUrl().newBuilder().addPathSegments("api/ds/query").build())
                .post(RequestBody.create(body, JSON)).build());
        JsonNode root = answer.looksLikeJson() ? PromJson.tree(answer.body()) : null;
        GrafanaFrames.RefError refError = GrafanaFrames.refError(root, REF_ID);
        if (refError != null) {
            // a failed query: Grafana answers 400 (or 200, by version) and says why per refId
            int code = refError.status() != null && refError.status() >= 400 ? refError.status()
                    : answer.isSuccessful() ? 500 : answer.code();
            throw http.statusFailure(code, refError.error().strip().lines().findFirst().orElse(""));
        }
        if (!answer.isSuccessful()) {
            throw http.statusFailure(answer);
        }
        if (root == null) {
            throw new SourceException(SourceException.Failure.MALFORMED,
                    http.scrub("malformed answer from " + name + ": answer is not JSON"
                            + (answer.body().isBlank() ? " (empty body)" : ": " + firstLine(answer.body()))));
        }
        try {
            return GrafanaFrames.series(root, REF_ID, name);
        } catch (SourceException e) {
            throw new SourceException(e.failure(), http.scrub(e.getMessage()));
        }
    }

    private static String firstLine(String body) {
        String line = body.strip().lines().findFirst().orElse("");
        return line.length() <= 80 ? line : line.substring(0, 80) + "…";
    }

    private static String millis(Instant at) {
        return Long.toString(at.toEpochMilli());
    }

    private static String text(JsonNode node, String field) {
        JsonNode n = node.get(field);
        return n != null && n.isTextual() ? n.asText() : null;
    }
}
