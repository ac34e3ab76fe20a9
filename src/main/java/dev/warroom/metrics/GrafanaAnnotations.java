package dev.warroom.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Marks incident milestones (declared, mitigated, resolved...) on Grafana's dashboards as
 * organisation annotations tagged with the incident id, severity and kind, so the graphs people
 * look at during and after the incident show what was done when.
 *
 * <p>{@link #post} never waits and never throws: the incident commander's click must not hang on a
 * Grafana that is down. Milestones wait in memory, in order, and one background thread posts them,
 * retrying with exponential backoff while Grafana is down, slow, overloaded or refuses the token (a
 * service account can be given rights without a restart). An annotation Grafana rejects as bad (400)
 * is dropped and counted. Pending milestones are lost when the application closes: the timeline in
 * the store is the record; annotations are a view of it.
 */
public final class GrafanaAnnotations implements AutoCloseable {
    /** Beyond this many waiting milestones the oldest go: an outage of days must not eat the memory. */
    public static final int MAX_PENDING = 1_000;
    public static final Duration DEFAULT_FIRST_RETRY = Duration.ofSeconds(1);
    public static final Duration DEFAULT_MAX_RETRY = Duration.ofMinutes(2);

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    /** One thing that happened in an incident, as a point annotation at {@code at}. */
    public record Milestone(String incidentId, String severity, String kind, Instant at, String text) {
        public Milestone {
            Objects.requireNonNull(incidentId, "incidentId");
            Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(text, "text");
        }
    }

    private final HttpExchange http;
    private final Duration firstRetry;
    private final Duration maxRetry;
    private final ScheduledExecutorService worker;
    private final ConcurrentLinkedDeque<Milestone> queue = new ConcurrentLinkedDeque<>();
    /** True while a drain is running or scheduled; then a new milestone needs no drain of its own. */
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicInteger dropped = new AtomicInteger();
    private volatile String lastError;
    private volatile boolean closed;
    private int failures;

    public GrafanaAnnotations(SourceConfig config) {
        this(config, DEFAULT_FIRST_RETRY, DEFAULT_MAX_RETRY);
    }

    public GrafanaAnnotations(SourceConfig config, Duration firstRetry, Duration maxRetry) {
        this.http = new HttpExchange(HttpClients.build(config), config.name(), config);
        this.firstRetry = Objects.requireNonNull(firstRetry, "firstRetry");
        this.maxRetry = Objects.requireNonNull(maxRetry, "maxRetry");
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "grafana-annotations");
            t.setDaemon(true);
            return t;
        });
    }

    /** Queues {@code milestone} for Grafana and returns at once, from any thread. */
    public void post(Milestone milestone) {
        Objects.requireNonNull(milestone, "milestone");
        if (closed) {
            dropped.incrementAndGet();
            return;
        }
        queue.addLast(milestone);
        while (queue.size() > MAX_PENDING) {
            if (queue.pollFirst() != null) {
                dropped.incrementAndGet();
            }
        }
        startDrain();
    }

    /** Milestones not yet in Grafana. */
    public int pending() {
        return queue.size();
    }

    /** Milestones given up on: rejected by Grafana, pushed out by {@link #MAX_PENDING}, or posted after close. */
    public int dropped() {
        return dropped.get();
    }

    /** Why the last attempt failed, redacted; null once a post has succeeded since. */
    public String lastError() {
        return lastError;
    }

    /** Stops the retry thread and abandons the call in flight; pending milestones are not posted. */
    @Override
    public void close() {
        closed = true;
        worker.shutdownNow();
        // a blocked socket read ignores the interrupt; cancelling the call ends it now
        http.client().dispatcher().cancelAll();
        try {
            worker.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        HttpClients.release(http.client());
    }

    private void startDrain() {
        if (draining.compareAndSet(false, true)) {
            try {
                worker.execute(this::drain);
            } catch (RejectedExecutionException e) {
                draining.set(false); // closed meanwhile
            }
        }
    }

    /** Posts from the head until the queue is empty or a post fails; on the worker thread only. */
    private void drain() {
        while (!closed) {
            Milestone head = queue.peekFirst();
            if (head == null) {
                draining.set(false);
                // a milestone queued between the peek and the reset found a drain still running and left it to us
                if (queue.isEmpty() || !draining.compareAndSet(false, true)) {
                    return;
                }
                continue;
            }
            try {
                send(head);
                queue.removeFirstOccurrence(head);
                failures = 0;
                lastError = null;
            } catch (SourceException e) {
                lastError = e.getMessage();
                if (e.failure() == SourceException.Failure.BAD_QUERY) {
                    queue.removeFirstOccurrence(head);
                    dropped.incrementAndGet();
                    lastError = "dropped a milestone of " + head.incidentId() + ": " + e.getMessage();
                    continue;
                }
                retryLater();
                return;
            } catch (RuntimeException e) {
                lastError = http.scrub(http.source() + ": posting an annotation failed: " + e);
                retryLater();
                return;
            }
        }
        draining.set(false);
    }

    private void retryLater() {
        failures++;
        long delay = firstRetry.toMillis() << Math.min(failures - 1, 20);
        delay = Math.min(delay, maxRetry.toMillis());
        try {
            worker.schedule(this::drain, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            draining.set(false); // closed meanwhile
        }
    }

    private void send(Milestone m) throws SourceException {
        ObjectNode body = PromJson.MAPPER.createObjectNode();
        body.put("time", m.at().toEpochMilli());
        body.putArray("tags").add(m.incidentId()).add(m.severity()).add(m.kind());
        body.put("text", m.text());
        String json;
        try {
            json = PromJson.MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an annotation", e);
        }
        HttpExchange.Answer answer = http.send(new Request.Builder()
                .url(http.config().baseUrl().newBuilder().addPathSegments("api/annotations").build())
                .post(RequestBody.create(json, JSON)).build());
        if (!answer.isSuccessful()) {
            throw http.statusFailure(answer);
        }
    }
}
