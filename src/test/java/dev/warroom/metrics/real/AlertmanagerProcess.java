package dev.warroom.metrics.real;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A real Alertmanager ({@code /usr/bin/prometheus-alertmanager}, Debian's 0.25) for one test, on a
 * free 127.0.0.1 port, with gossip off (an empty {@code --cluster.listen-address}: a lone
 * Alertmanager has no peers and must not listen on 0.0.0.0:9094) and its state in the test's temp dir.
 */
final class AlertmanagerProcess implements AutoCloseable {
    static final String BINARY = "/usr/bin/prometheus-alertmanager";

    private final ServerProcess server;

    private AlertmanagerProcess(ServerProcess server) {
        this.server = server;
    }

    /** Writes {@code yaml} as {@code dir/alertmanager.yml} and starts Alertmanager on it. */
    static AlertmanagerProcess start(Path dir, String yaml) throws IOException {
        Path binary = ServerProcess.binary(BINARY, "prometheus-alertmanager");
        Files.createDirectories(dir);
        Path config = dir.resolve("alertmanager.yml");
        Files.writeString(config, yaml);
        Path data = Files.createDirectories(dir.resolve("data"));
        int port = ServerProcess.freePort();
        List<String> command = List.of(binary.toString(),
                "--config.file=" + config,
                "--storage.path=" + data,
                "--web.listen-address=127.0.0.1:" + port,
                "--web.external-url=http://127.0.0.1:" + port,
                "--cluster.listen-address=",
                "--log.level=debug");
        return new AlertmanagerProcess(ServerProcess.start("alertmanager", command, dir.resolve("alertmanager.log"),
                port));
    }

    int port() {
        return server.port();
    }

    /** {@code http://127.0.0.1:PORT}. */
    String url() {
        return server.url();
    }

    /** {@code 127.0.0.1:PORT}, for prometheus.yml's alertmanager targets. */
    String target() {
        return "127.0.0.1:" + port();
    }

    /** For failure messages: the last lines Alertmanager logged (debug level: every notify attempt). */
    String tail() {
        return server.tail();
    }

    @Override
    public void close() {
        server.close();
    }
}
