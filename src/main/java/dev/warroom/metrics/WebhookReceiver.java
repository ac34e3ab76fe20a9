package dev.warroom.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.warroom.incident.Timeline;
import dev.warroom.store.StoreException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Alertmanager's webhook target: an HTTP server on 127.0.0.1 that turns notifications into incidents
 * through {@link WebhookIntake}. Point a {@code webhook_config} at {@link #url()} and give its
 * {@code http_config.authorization.credentials} the shared secret; Alertmanager then sends
 * {@code Authorization: Bearer <secret>}.
 *
 * <p>Answers, chosen for Alertmanager's delivery rules (it retries 5xx only, any other failure is final):
 * <ul>
 *   <li>200 once every event of the notification is committed to the store, with a JSON list of
 *       what each alert did;</li>
 *   <li>401 without the right bearer secret; 405 for anything but POST; 404 off the path;</li>
 *   <li>413 for a body over the limit; 400 for a body that is not a version-4 notification, naming
 *       the field; retrying these cannot help, so they are final;</li>
 *   <li>503 when the store fails, so Alertmanager retries; 500 (retried too) for anything unexpected.
 *       A retry never duplicates what the failed attempt committed ({@link WebhookIntake}).</li>
 * </ul>
 *
 * <p>The secret never appears in answers or logs. Requests are handled on two daemon threads; the
 * intake applies one notification at a time.
 */
public final class WebhookReceiver implements AutoCloseable {
    public static final String DEFAULT_PATH = "/alertmanager";
    /** Alertmanager's notifications are a few KiB per alert; a mebibyte is hundreds of alerts. */
    public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;

    private static final System.Logger LOG = System.getLogger(WebhookReceiver.class.getName());

    static {
        // The JDK server writes headers and body as two segments; with Nagle on, every answer waits
        // for the client's delayed ACK (~40 ms). The setting is read once, when the first server in
        // this JVM starts, and only tunes com.sun.net.httpserver; someone's explicit choice is kept.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor;
    private final WebhookIntake intake;
    private final byte[] expectedAuthorization;
    private final String path;
    private final int maxBodyBytes;

    /**
     * Where and how to listen.
     *
     * @param port         loopback port; 0 picks a free one ({@link #port()} says which)
     * @param path         the POST path, e.g. {@code /alertmanager}
     * @param secret       the bearer secret Alertmanager must send; required
     * @param maxBodyBytes larger bodies are refused with 413
     */
    public record Config(int port, String path, String secret, int maxBodyBytes) {
        public Config {
            if (secret == null || secret.isBlank()) {
                throw new IllegalArgumentException("the Alertmanager webhook needs a shared secret: without one anyone"
                        + " on this machine could open incidents; set http_config.authorization.credentials in"
                        + " alertmanager.yml to the same value");
            }
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("webhook port must be 0..65535, got " + port);
            }
            if (path == null || !path.startsWith("/")) {
                throw new IllegalArgumentException("webhook path must start with '/', got " + path);
            }
            if (maxBodyBytes < 1) {
                throw new IllegalArgumentException("webhook body limit must be positive, got " + maxBodyBytes);
            }
        }

        /** The default path and body limit. */
        public Config(int port, String secret) {
            this(port, DEFAULT_PATH, secret, DEFAULT_MAX_BODY_BYTES);
        }

        @Override
        public String toString() {
            return "Config[port=" + port + ", path=" + path + ", secret=(redacted), maxBodyBytes=" + maxBodyBytes + "]";
        }
    }

    private WebhookReceiver(HttpServer server, ExecutorService executor, WebhookIntake intake, Config config) {
        this.server = server;
        this.executor = executor;
        this.intake = intake;
        this.expectedAuthorization = ("Bearer " + config.secret()).getBytes(StandardCharsets.UTF_8);
        this.path = config.path();
        this.maxBodyBytes = config.maxBodyBytes();
    }

    /** Starts listening on 127.0.0.1; the timeline's store is where incidents are recorded. */
    public static WebhookReceiver start(Timeline timeline, Config config) throws IOException {
        // 127.0.0.1 itself, not "the" loopback address, which is ::1 when the JVM prefers IPv6 and then
        // would not be where url() and alertmanager.yml point
        InetAddress loopback = InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
        HttpServer server = HttpServer.create(new InetSocketAddress(loopback, config.port()), 0);
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "alertmanager-webhook");
            t.setDaemon(true);
            return t;
        });
        WebhookReceiver receiver = new WebhookReceiver(server, executor, new WebhookIntake(timeline), config);
        server.createContext("/", receiver::handle);
        server.setExecutor(executor);
        server.start();
        return receiver;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The bound address: always loopback. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** What to put in alertmanager.yml's {@code webhook_configs[].url}. */
    public String url() {
        return "http://127.0.0.1:" + port() + path;
    }

    /** One answer to one request; {@code allow} and {@code challenge} become the Allow and WWW-Authenticate headers. */
    record Answer(int status, String contentType, byte[] body, String allow, String challenge) {
        static Answer text(int status, String message) {
            return new Answer(status, "text/plain; charset=utf-8", (message + "\n").getBytes(StandardCharsets.UTF_8),
                    null, null);
        }

        /** The body as text, for tests and logs. */
        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            Answer answer;
            try {
                answer = answer(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("Authorization"),
                        exchange.getRequestHeaders().getFirst("Content-Length"), exchange.getRequestBody());
            } catch (IOException e) {
                // the client went away mid-request; it will retry or it does not care
                LOG.log(System.Logger.Level.DEBUG, "webhook connection dropped: " + e.getMessage());
                return;
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "webhook request failed unexpectedly", e);
                answer = Answer.text(500, "internal error (" + e.getClass().getSimpleName()
                        + "); not every alert was recorded, Alertmanager will retry");
            }
            if (answer.status() / 100 == 4) {
                LOG.log(System.Logger.Level.WARNING, "refused a webhook request from " + exchange.getRemoteAddress()
                        + " with " + answer.status() + ": " + answer.bodyText().strip());
            } else if (answer.status() / 100 == 5) {
                LOG.log(System.Logger.Level.WARNING, "webhook notification answered " + answer.status() + ": "
                        + answer.bodyText().strip());
            }
            write(exchange, answer);
        }
    }

    /**
     * Everything the receiver decides, without a socket: the HTTP server only carries these values
     * in and the answer out.
     *
     * @throws IOException reading the body failed (the client went away)
     */
    Answer answer(String method, String requestPath, String authorization, String contentLength, InputStream body)
            throws IOException {
        if (!path.equals(requestPath)) {
            drain(body);
            return Answer.text(404, "not found: Alertmanager notifications go to " + path);
        }
        if (!"POST".equals(method)) {
            drain(body);
            Answer a = Answer.text(405, "use POST: this is an Alertmanager webhook");
            return new Answer(a.status(), a.contentType(), a.body(), "POST", null);
        }
        if (!authorized(authorization)) {
            drain(body);
            Answer a = Answer.text(401, "missing or wrong bearer secret (http_config.authorization.credentials)");
            return new Answer(a.status(), a.contentType(), a.body(), null, "Bearer realm=\"warroom\"");
        }
        String tooLarge = "body over " + maxBodyBytes + " bytes; lower max_alerts in alertmanager.yml";
        if (contentLength != null && tooLong(contentLength)) {
            return Answer.text(413, tooLarge);
        }
        byte[] bytes = readUpTo(body, maxBodyBytes);
        if (bytes == null) {
            return Answer.text(413, tooLarge);
        }
        WebhookNotification notification;
        try {
            notification = WebhookNotification.parse(bytes);
        } catch (WebhookFormatException e) {
            return Answer.text(400, e.getMessage());
        }
        List<WebhookIntake.Outcome> outcomes;
        try {
            outcomes = intake.accept(notification);
        } catch (StoreException e) {
            // alerts before the failing one may be committed; the retry recognises them
            return Answer.text(503, "not every alert was recorded, the store failed: " + oneLine(e.getMessage())
                    + "; Alertmanager will retry");
        }
        return new Answer(200, "application/json", outcomesJson(outcomes), null, null);
    }

    private boolean authorized(String header) {
        if (header == null) {
            return false;
        }
        // constant time, so the answer's timing does not reveal how much of a guess was right
        return MessageDigest.isEqual(expectedAuthorization, header.strip().getBytes(StandardCharsets.UTF_8));
    }

    private boolean tooLong(String contentLength) {
        try {
            return Long.parseLong(contentLength.strip()) > maxBodyBytes;
        } catch (NumberFormatException e) {
            // the server already refuses unparseable lengths; reading with a cap settles the rest
            return false;
        }
    }

    /** The body, or null as soon as it passes {@code limit} bytes: a huge body is never held whole. */
    private static byte[] readUpTo(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(limit, 64 * 1024));
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) >= 0; ) {
            total += n;
            if (total > limit) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** A small unread body is drained so the connection can be reused; a large one is not worth it. */
    private static void drain(InputStream in) throws IOException {
        readUpTo(in, 64 * 1024);
    }

    private static byte[] outcomesJson(List<WebhookIntake.Outcome> outcomes) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode alerts = root.putArray("alerts");
        for (WebhookIntake.Outcome o : outcomes) {
            ObjectNode n = alerts.addObject();
            n.put("fingerprint", o.fingerprint());
            n.put("alert", o.alert());
            n.put("action", o.action().name().toLowerCase(Locale.ROOT));
            n.put("incident", o.incidentId());
        }
        return JSON.writeValueAsBytes(root);
    }

    private static String oneLine(String message) {
        return message == null ? "no reason given" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private static void write(HttpExchange exchange, Answer answer) {
        try {
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            if (answer.allow() != null) {
                exchange.getResponseHeaders().set("Allow", answer.allow());
            }
            if (answer.challenge() != null) {
                exchange.getResponseHeaders().set("WWW-Authenticate", answer.challenge());
            }
            exchange.sendResponseHeaders(answer.status(), answer.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body());
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "could not answer " + answer.status() + ": " + e.getMessage());
        }
    }

    /**
     * Stops listening at once. A notification being recorded still finishes its commit, but its
     * answer may be lost; Alertmanager then retries, which records nothing twice.
     */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
