package dev.warroom.metrics.real;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real Prometheus ({@code /usr/bin/prometheus}, Debian's 2.42) for one test: its config and rule
 * files written into a test's temp dir, listening on a free 127.0.0.1 port, stopped by
 * {@link #close()}. Neither the admin API nor the lifecycle endpoints are enabled: a test changes
 * Prometheus by starting another one.
 *
 * <pre>{@code
 * try (PrometheusProcess prom = PrometheusProcess.in(tempDir)
 *         .config(yaml).file("rules/slo.yml", rules).start()) { ... }
 * }</pre>
 */
final class PrometheusProcess implements AutoCloseable {
    static final String BINARY = "/usr/bin/prometheus";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final ServerProcess server;

    private PrometheusProcess(ServerProcess server) {
        this.server = server;
    }

    /** Starts describing a Prometheus whose files live under {@code dir}. */
    static Builder in(Path dir) {
        return new Builder(dir);
    }

    static final class Builder {
        private final Path dir;
        private String config;
        private final Map<String, String> files = new LinkedHashMap<>();
        private Path tsdb;
        private String retention;

        private Builder(Path dir) {
            this.dir = dir;
        }

        /** prometheus.yml; rule_files in it are relative to {@code dir}. */
        Builder config(String yaml) {
            this.config = yaml;
            return this;
        }

        /** Another file under {@code dir}, e.g. {@code rules/slo.yml}. */
        Builder file(String relative, String text) {
            files.put(relative, text);
            return this;
        }

        /** An existing TSDB to serve, e.g. one {@link Promtool#backfillOpenMetrics} filled; default: a fresh one. */
        Builder tsdb(Path path) {
            this.tsdb = path;
            return this;
        }

        /** {@code --storage.tsdb.retention.time}, e.g. {@code 10y} so backfilled history is not deleted at start. */
        Builder retention(String time) {
            this.retention = time;
            return this;
        }

        PrometheusProcess start() throws IOException {
            Path binary = ServerProcess.binary(BINARY, "prometheus");
            if (config == null) {
                throw new IllegalStateException("a Prometheus needs a config");
            }
            Files.createDirectories(dir);
            Path configFile = dir.resolve("prometheus.yml");
            Files.writeString(configFile, config);
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path file = dir.resolve(f.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, f.getValue());
            }
            Path data = tsdb != null ? tsdb : dir.resolve("tsdb");
            Files.createDirectories(data);
            int port = ServerProcess.freePort();
            List<String> command = new ArrayList<>(List.of(binary.toString(),
                    "--config.file=" + configFile,
                    "--storage.tsdb.path=" + data,
                    "--web.listen-address=127.0.0.1:" + port,
                    "--log.level=info"));
            if (retention != null) {
                command.add("--storage.tsdb.retention.time=" + retention);
            }
            return new PrometheusProcess(ServerProcess.start("prometheus", command, dir.resolve("prometheus.log"), port));
        }
    }

    int port() {
        return server.port();
    }

    /** {@code http://127.0.0.1:PORT}. */
    String url() {
        return server.url();
    }

    /** For failure messages: the last lines Prometheus logged. */
    String tail() {
        return server.tail();
    }

    /** GET {@code pathAndQuery} (already encoded), e.g. {@code /api/v1/rules}; the body, failing on non-2xx. */
    String get(String pathAndQuery) throws IOException {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url() + pathAndQuery))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new AssertionError("GET " + pathAndQuery + " answered " + r.statusCode() + ": " + r.body()
                        + "\n" + tail());
            }
            return r.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
