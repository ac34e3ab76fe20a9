package dev.warroom.metrics;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * Where a source lives and how to talk to it.
 *
 * <p>There is deliberately no "skip TLS verification" switch: a self-signed or internal CA is
 * trusted by naming its PEM file in {@code caCertificate}, which keeps hostname and chain checks on.
 *
 * @param name           what badges and messages call the source ("prom", "grafana"); never a secret
 * @param baseUrl        the server's root (with any route prefix), without credentials
 * @param credentials    none, basic or bearer
 * @param caCertificate  a PEM file of the CA(s) to trust instead of the system's; null for the system's
 * @param connectTimeout how long to wait for a TCP/TLS connection
 * @param readTimeout    how long the answer may stall between two reads
 * @param callTimeout    the whole call, from connect to the last byte; also sent to Prometheus as the
 *                       query {@code timeout} so it stops work we no longer wait for
 */
public record SourceConfig(String name, HttpUrl baseUrl, Credentials credentials, Path caCertificate,
                           Duration connectTimeout, Duration readTimeout, Duration callTimeout) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(3);
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(10);
    /** As long as the call: a slow Prometheus that streams a big matrix is still answering. */
    public static final Duration DEFAULT_READ_TIMEOUT = DEFAULT_CALL_TIMEOUT;

    public SourceConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        credentials = credentials == null ? Credentials.none() : credentials;
        if (!baseUrl.username().isEmpty() || !baseUrl.password().isEmpty()) {
            throw new SourceConfigException("source " + displayName(name, baseUrl)
                    + ": base URL must not carry user:password@; give them as basic credentials");
        }
        name = displayName(name, baseUrl);
        connectTimeout = positive(connectTimeout, DEFAULT_CONNECT_TIMEOUT, name, "connect timeout");
        readTimeout = positive(readTimeout, DEFAULT_READ_TIMEOUT, name, "read timeout");
        callTimeout = positive(callTimeout, DEFAULT_CALL_TIMEOUT, name, "call timeout");
    }

    /**
     * A config from a URL as a person types it. A {@code user:password@} in the URL becomes basic
     * credentials and leaves the URL, so it is never printed with it.
     */
    public static SourceConfig of(String name, String baseUrl) {
        HttpUrl url = baseUrl == null ? null : HttpUrl.parse(baseUrl.strip());
        if (url == null) {
            throw new SourceConfigException("source " + (name == null ? "" : Redactor.scrub(name))
                    + ": base URL is not an http(s) URL: " + Redactor.scrub(String.valueOf(baseUrl)));
        }
        Credentials credentials = Credentials.none();
        if (!url.username().isEmpty() || !url.password().isEmpty()) {
            String user = URLDecoder.decode(url.encodedUsername(), StandardCharsets.UTF_8);
            String password = URLDecoder.decode(url.encodedPassword(), StandardCharsets.UTF_8);
            if (password.isEmpty()) {
                throw new SourceConfigException("source " + displayName(name, url.newBuilder().username("").password("").build())
                        + ": base URL has a user but no password; give basic credentials instead");
            }
            credentials = Credentials.basic(user, Credentials.Secret.of(password));
            url = url.newBuilder().username("").password("").build();
        }
        return new SourceConfig(name, url, credentials, null, null, null, null);
    }

    public SourceConfig withCredentials(Credentials credentials) {
        return new SourceConfig(name, baseUrl, credentials, caCertificate, connectTimeout, readTimeout, callTimeout);
    }

    public SourceConfig withCaCertificate(Path pemFile) {
        return new SourceConfig(name, baseUrl, credentials, pemFile, connectTimeout, readTimeout, callTimeout);
    }

    public SourceConfig withTimeouts(Duration connect, Duration read, Duration call) {
        return new SourceConfig(name, baseUrl, credentials, caCertificate, connect, read, call);
    }

    /** The base URL with {@code segments} ("api/v1/query") under it, keeping any route prefix. */
    public HttpUrl resolve(String segments) {
        // OkHttp overwrites the empty segment a trailing slash leaves, so "/prom/" and "/prom" agree
        return baseUrl.newBuilder().addPathSegments(segments).build();
    }

    private static String displayName(String name, HttpUrl url) {
        String n = name == null || name.isBlank() ? url.host() + ":" + url.port() : name.strip();
        return Redactor.scrub(n);
    }

    private static Duration positive(Duration d, Duration fallback, String source, String field) {
        if (d == null) {
            return fallback;
        }
        if (d.isNegative() || d.isZero()) {
            throw new SourceConfigException("source " + source + ": " + field + " must be positive, not " + d);
        }
        return d;
    }
}
