package dev.warroom.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warroom.metrics.SourceException.Failure;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLException;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * One source's calls: sends a request, reads the whole answer, and turns every way it can go wrong
 * into a {@link SourceException} whose message a stale badge can show ("503 from prom: overloaded")
 * and which carries no credential.
 */
final class HttpExchange {
    /** Far above a real answer (a day of 15 s points for 100 series is about 10 MB), far below trouble. */
    static final long MAX_BODY_BYTES = 64L * 1024 * 1024;
    private static final int MAX_DETAIL = 200;

    /** A complete HTTP answer, whatever its status. */
    record Answer(int code, String contentType, String body) {
        boolean isSuccessful() {
            return code >= 200 && code < 300;
        }

        boolean looksLikeJson() {
            return contentType.contains("json") || body.stripLeading().startsWith("{");
        }
    }

    private final OkHttpClient client;
    private final String source;
    private final SourceConfig config;

    HttpExchange(OkHttpClient client, String source, SourceConfig config) {
        this.client = client;
        this.source = source;
        this.config = config;
    }

    String source() {
        return source;
    }

    OkHttpClient client() {
        return client;
    }

    SourceConfig config() {
        return config;
    }

    /** The answer of any status; throws only when no complete answer came back. */
    Answer send(Request request) throws SourceException {
        Response response;
        try {
            response = client.newCall(request).execute();
        } catch (IOException e) {
            throw ioFailure(e, false);
        } catch (RuntimeException e) {
            // OkHttp reports some socket-level trouble (a dead proxy, a refused TLS setup) unchecked
            throw new SourceException(Failure.UNREACHABLE, scrub(source + " unreachable: " + e), e);
        }
        try (response) {
            ResponseBody body = response.body();
            String text = body == null ? "" : read(body);
            MediaType type = body == null ? null : body.contentType();
            return new Answer(response.code(), type == null ? "" : type.toString().toLowerCase(Locale.ROOT), text);
        } catch (IOException e) {
            throw ioFailure(e, true);
        }
    }

    private String read(ResponseBody body) throws IOException, SourceException {
        BufferedSource in = body.source();
        if (in.request(MAX_BODY_BYTES + 1)) {
            throw new SourceException(Failure.MALFORMED, source + " sent more than " + MAX_BODY_BYTES / (1024 * 1024)
                    + " MB; narrow the query or the range");
        }
        MediaType type = body.contentType();
        Charset charset = type == null ? StandardCharsets.UTF_8 : type.charset(StandardCharsets.UTF_8);
        return in.readString(charset);
    }

    /** The failure for a non-2xx answer, with the server's own words when it gave any. */
    SourceException statusFailure(Answer answer) {
        return statusFailure(answer.code(), detail(answer));
    }

    /** The failure for an HTTP-like {@code code} and a detail text (Grafana also reports codes per query). */
    SourceException statusFailure(int code, String detail) {
        Failure failure;
        String words;
        if (code == 401 || code == 403) {
            failure = Failure.UNAUTHORIZED;
            words = code == 401 ? "unauthorized, check the credentials" : "forbidden, the credentials lack permission";
            if (!detail.isBlank() && !detail.equalsIgnoreCase(words)) {
                words = words + " (" + detail + ")";
            }
        } else if (code == 400 || code == 422) {
            failure = Failure.BAD_QUERY;
            words = detail.isBlank() ? "bad query" : detail;
        } else if (code == 429 || code >= 500) {
            failure = Failure.UNAVAILABLE;
            words = detail.isBlank() ? (code == 429 ? "too many requests" : "unavailable") : detail;
        } else if (code >= 300 && code < 400) {
            // we do not follow redirects (see HttpClients); a moved server needs its new base URL
            failure = Failure.MALFORMED;
            words = "redirected; set the base URL to where it points" + (detail.isBlank() ? "" : " (" + detail + ")");
        } else {
            // 404 and the rest: the base URL or data source UID does not point at the API
            failure = Failure.MALFORMED;
            words = (code == 404 ? "not found, check the base URL" : "unexpected status")
                    + (detail.isBlank() ? "" : " (" + detail + ")");
        }
        return new SourceException(failure, scrub(code + " from " + source + ": " + words));
    }

    /**
     * The server's explanation: the Prometheus envelope's {@code error}, Grafana's {@code message},
     * or the first line of a plain-text body. Never a whole HTML page.
     */
    static String detail(Answer answer) {
        String body = answer.body().strip();
        if (body.isEmpty()) {
            return "";
        }
        if (answer.looksLikeJson()) {
            JsonNode json = PromJson.tree(body);
            if (json != null && json.isObject()) {
                for (String field : List.of("error", "message")) {
                    JsonNode text = json.get(field);
                    if (text != null && text.isTextual() && !text.asText().isBlank()) {
                        return firstLine(text.asText());
                    }
                }
                return "";
            }
        }
        if (answer.contentType().contains("html") || body.startsWith("<")) {
            return "";
        }
        return firstLine(body);
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("").strip();
        return line.length() <= MAX_DETAIL ? line : line.substring(0, MAX_DETAIL) + "…";
    }

    /** {@code midAnswer}: the status line had arrived, so the connection died while the body came. */
    SourceException ioFailure(IOException e, boolean midAnswer) {
        if (e instanceof SocketTimeoutException && String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("connect")) {
            return new SourceException(Failure.TIMEOUT, scrub(source + " timed out: no connection within "
                    + seconds(config.connectTimeout()) + " (connect timeout)"), e);
        }
        if (e instanceof SocketTimeoutException) {
            return new SourceException(Failure.TIMEOUT, scrub(source + " timed out: no data for "
                    + seconds(config.readTimeout()) + (midAnswer ? " in the middle of the answer" : "") + " (read timeout)"), e);
        }
        if (e instanceof InterruptedIOException) {
            if (Thread.currentThread().isInterrupted()) {
                return new SourceException(Failure.TIMEOUT, source + " call interrupted", e);
            }
            // OkHttp's call timeout: the whole exchange took too long
            return new SourceException(Failure.TIMEOUT, scrub(source + " timed out: no complete answer within "
                    + seconds(config.callTimeout()) + " (call timeout)"), e);
        }
        String where = config.baseUrl().host() + ":" + config.baseUrl().port();
        String reason;
        if (e instanceof ConnectException) {
            reason = "connection refused by " + where;
        } else if (e instanceof UnknownHostException) {
            reason = "unknown host " + config.baseUrl().host();
        } else if (e instanceof NoRouteToHostException) {
            reason = "no route to " + where;
        } else if (e instanceof SSLException) {
            reason = "TLS with " + where + " failed (" + firstLine(String.valueOf(e.getMessage())) + ")"
                    + (config.caCertificate() == null ? "; an internal CA needs its PEM file in the source settings" : "");
        } else if (midAnswer) {
            reason = "connection closed in the middle of the answer (" + firstLine(String.valueOf(e.getMessage())) + ")";
        } else {
            reason = "connection to " + where + " failed (" + firstLine(String.valueOf(e.getMessage())) + ")";
        }
        return new SourceException(Failure.UNREACHABLE, scrub(source + " unreachable: " + reason), e);
    }

    String scrub(String text) {
        return Redactor.scrub(text, config.credentials().secrets());
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms / 1000.0 + " s";
    }
}
