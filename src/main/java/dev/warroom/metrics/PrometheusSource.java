package dev.warroom.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warroom.metrics.SourceException.Failure;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * A Prometheus server over its HTTP API v1. Queries go as POST forms (long PromQL does not fit a
 * URL); answers are read by {@link PromJson}.
 *
 * <p>Range queries keep Prometheus' limit of 11,000 points per series and request by splitting, not
 * by widening the step: the caller chose the step for a reason (a burn-rate window, a sparkline's
 * pixel width), and a chunked answer is exactly what one big query would have given. Chunk {@code i}
 * starts at {@code start + i * 11,000 * step}, so every evaluation time is {@code start + k * step}
 * as in a single query; the series of all chunks are joined by their labels. A range needing more
 * than {@value #MAX_CHUNKS} chunks is refused as {@link Failure#BAD_QUERY} with the step that would
 * fit, rather than firing hundreds of requests at a struggling server.
 */
public final class PrometheusSource implements MetricsSource {
    /** Prometheus refuses a query_range with more points per series than this. */
    public static final int MAX_POINTS_PER_REQUEST = 11_000;
    /** At most this many requests per range query. */
    public static final int MAX_CHUNKS = 10;

    private static final Logger LOG = Logger.getLogger(PrometheusSource.class.getName());

    private final String name;
    private final HttpUrl apiRoot;
    private final HttpExchange http;
    private final Clock clock;
    private final boolean ownsClient;
    private volatile List<String> lastWarnings = List.of();

    /** A source with its own HTTP client, named and configured by {@code config}. */
    public PrometheusSource(SourceConfig config) {
        this(config, Clock.systemUTC());
    }

    public PrometheusSource(SourceConfig config, Clock clock) {
        this(config.name(), config.baseUrl(), new HttpExchange(HttpClients.build(config), config.name(), config), clock, true);
    }

    /**
     * The Prometheus API under {@code apiRoot} through someone else's client: Grafana's data source
     * proxy serves the same API and envelope under its own path and credentials.
     */
    PrometheusSource(String name, HttpUrl apiRoot, HttpExchange http, Clock clock, boolean ownsClient) {
        this.name = name;
        this.apiRoot = apiRoot;
        this.http = http;
        this.clock = clock;
        this.ownsClient = ownsClient;
    }

    @Override
    public String name() {
        return name;
    }

    /** The warnings of the last successful query (Prometheus' "results may be incomplete" and the like). */
    public List<String> lastWarnings() {
        return lastWarnings;
    }

    @Override
    public List<Sample> instant(String promql, Instant at) throws SourceException {
        FormBody.Builder form = new FormBody.Builder().add("query", promql);
        if (at != null) {
            form.add("time", unixSeconds(at));
        }
        form.add("timeout", timeoutParam());
        HttpExchange.Answer answer = exchange("api/v1/query", form.build());
        PromJson.Vector plain = PromJson.plainVector(answer.body());
        if (plain != null) {
            heed(plain.warnings());
            return plain.samples();
        }
        return guarded(data -> PromJson.samples(data, name), envelope(answer).data());
    }

    @Override
    public List<Series> range(String promql, Instant start, Instant end, Duration step) throws SourceException {
        List<Chunk> chunks = chunks(start, end, step);
        List<List<Series>> answers = new ArrayList<>(chunks.size());
        for (Chunk c : chunks) {
            FormBody form = new FormBody.Builder()
                    .add("query", promql)
                    .add("start", unixSeconds(c.start()))
                    .add("end", unixSeconds(c.end()))
                    .add("step", seconds(step))
                    .add("timeout", timeoutParam())
                    .build();
            answers.add(guarded(data -> PromJson.series(data, name), post("api/v1/query_range", form).data()));
        }
        return join(answers);
    }

    @Override
    public SourceHealth health() {
        Instant checkedAt = clock.instant();
        boolean reachable = false;
        boolean ready = false;
        String version = null;
        String lastError = null;
        try {
            HttpExchange.Answer build = http.send(get("api/v1/status/buildinfo"));
            reachable = true;
            if (build.isSuccessful()) {
                JsonNode data = guarded(body -> PromJson.envelope(body, name), build.body()).data();
                version = data.path("version").isTextual() ? data.get("version").asText() : null;
            } else {
                lastError = http.statusFailure(build).getMessage();
            }
            HttpExchange.Answer readiness = http.send(get("-/ready"));
            ready = readiness.isSuccessful();
            if (!ready) {
                lastError = http.statusFailure(readiness).getMessage();
            }
        } catch (SourceException e) {
            lastError = http.scrub(e.getMessage());
        } catch (RuntimeException e) {
            // health feeds a status view that must keep drawing whatever this client does
            lastError = http.scrub(name + ": health check failed: " + e);
        }
        return new SourceHealth(name, reachable, ready, version, lastError, checkedAt);
    }

    @Override
    public void close() {
        if (ownsClient) {
            HttpClients.release(http.client());
        }
    }

    @Override
    public String toString() {
        return "PrometheusSource[" + name + " " + apiRoot + "]";
    }

    private PromJson.Envelope post(String path, FormBody form) throws SourceException {
        return envelope(exchange(path, form));
    }

    /** A 2xx answer to the form; any other status is its failure. */
    private HttpExchange.Answer exchange(String path, FormBody form) throws SourceException {
        Request request = new Request.Builder().url(apiRoot.newBuilder().addPathSegments(path).build()).post(form).build();
        HttpExchange.Answer answer = http.send(request);
        if (!answer.isSuccessful()) {
            throw http.statusFailure(answer);
        }
        return answer;
    }

    private PromJson.Envelope envelope(HttpExchange.Answer answer) throws SourceException {
        PromJson.Envelope envelope = guarded(body -> PromJson.envelope(body, name), answer.body());
        heed(envelope.warnings());
        return envelope;
    }

    /** Logs a successful answer's warnings and keeps them for {@link #lastWarnings}. */
    private void heed(List<String> warnings) {
        if (!warnings.isEmpty()) {
            LOG.log(Level.INFO, () -> http.scrub(name + " warns: " + String.join("; ", warnings)));
        }
        lastWarnings = warnings;
    }

    private Request get(String path) {
        return new Request.Builder().url(apiRoot.newBuilder().addPathSegments(path).build()).get().build();
    }

    /** Runs a parser and scrubs its message: a body may echo back what the server was sent. */
    private <T, R> R guarded(Parser<T, R> parser, T input) throws SourceException {
        try {
            return parser.parse(input);
        } catch (SourceException e) {
            throw new SourceException(e.failure(), http.scrub(e.getMessage()));
        }
    }

    @FunctionalInterface
    private interface Parser<T, R> {
        R parse(T input) throws SourceException;
    }

    /** Asks Prometheus to give up when we do, so an abandoned query stops burning its CPU. */
    private String timeoutParam() {
        return seconds(http.config().callTimeout());
    }

    /** One request's share of a range: at most {@link #MAX_POINTS_PER_REQUEST} evaluation times. */
    record Chunk(Instant start, Instant end) {
    }

    /** The requests a range needs; see the class comment for why splitting and where the chunks start. */
    static List<Chunk> chunks(Instant start, Instant end, Duration step) throws SourceException {
        if (start == null || end == null || step == null) {
            throw new SourceException(Failure.BAD_QUERY, "range query needs start, end and step");
        }
        if (end.isBefore(start)) {
            throw new SourceException(Failure.BAD_QUERY, "range query ends (" + end + ") before it starts (" + start + ")");
        }
        long stepMs = step.toMillis();
        if (stepMs < 1) {
            throw new SourceException(Failure.BAD_QUERY, "range query step must be at least 1 ms, not " + step);
        }
        long startMs = start.toEpochMilli();
        long spanMs = end.toEpochMilli() - startMs;
        long points = spanMs / stepMs + 1;
        long requests = (points + MAX_POINTS_PER_REQUEST - 1) / MAX_POINTS_PER_REQUEST;
        if (requests > MAX_CHUNKS) {
            long fits = (spanMs + (long) MAX_CHUNKS * MAX_POINTS_PER_REQUEST - 2) / ((long) MAX_CHUNKS * MAX_POINTS_PER_REQUEST - 1);
            throw new SourceException(Failure.BAD_QUERY, "range query of " + points + " points per series at step "
                    + seconds(step) + "s needs " + requests + " requests (at most " + MAX_CHUNKS + "); use a step of at least "
                    + seconds(Duration.ofMillis(fits)) + "s");
        }
        long chunkSpanMs = (MAX_POINTS_PER_REQUEST - 1) * stepMs;
        List<Chunk> out = new ArrayList<>();
        for (long from = startMs; from <= startMs + spanMs; from += chunkSpanMs + stepMs) {
            long to = Math.min(startMs + spanMs, from + chunkSpanMs);
            out.add(new Chunk(Instant.ofEpochMilli(from), Instant.ofEpochMilli(to)));
        }
        return out;
    }

    /**
     * The series of consecutive chunks joined by labels, in order of first appearance. A point not
     * after the series' last one is dropped, so chunk edges a server aligned differently never repeat.
     */
    static List<Series> join(List<List<Series>> chunks) {
        if (chunks.size() == 1) {
            return chunks.get(0);
        }
        Map<Map<String, String>, List<Series.Point>> joined = new LinkedHashMap<>();
        for (List<Series> chunk : chunks) {
            for (Series s : chunk) {
                List<Series.Point> points = joined.computeIfAbsent(s.labels(), k -> new ArrayList<>());
                for (Series.Point p : s.points()) {
                    if (points.isEmpty() || p.at().isAfter(points.get(points.size() - 1).at())) {
                        points.add(p);
                    }
                }
            }
        }
        List<Series> out = new ArrayList<>(joined.size());
        joined.forEach((labels, points) -> out.add(new Series(labels, points)));
        return out;
    }

    /** Unix seconds with the millisecond fraction, the resolution Prometheus keeps. */
    static String unixSeconds(Instant at) {
        return BigDecimal.valueOf(at.toEpochMilli(), 3).stripTrailingZeros().toPlainString();
    }

    /** A duration as float seconds, which Prometheus reads for step and timeout alike. */
    static String seconds(Duration d) {
        return BigDecimal.valueOf(d.toMillis(), 3).stripTrailingZeros().toPlainString();
    }
}
