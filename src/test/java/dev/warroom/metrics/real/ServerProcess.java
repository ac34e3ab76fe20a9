package dev.warroom.metrics.real;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real server binary (Prometheus, Alertmanager) run for a test on a free 127.0.0.1 port: its
 * output goes to a log file whose tail every failure message carries, it counts as started only once
 * {@code /-/ready} answers 200, and {@link #close()} stops it (SIGTERM, then SIGKILL after 5 s). A
 * shutdown hook stops it too if the test JVM dies first, so no server outlives the build.
 */
class ServerProcess implements AutoCloseable {
    /** CI sets this so a missing binary fails instead of silently skipping the real-server tests. */
    static final String REQUIRE_ENV = "WARROOM_REQUIRE_PROMETHEUS";
    static final Duration READY_DEADLINE = Duration.ofSeconds(45);
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);
    private static final int TAIL_LINES = 30;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final Path log;
    private final int port;
    private final Thread stopOnExit;

    ServerProcess(String name, Process process, Path log, int port) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.port = port;
        this.stopOnExit = new Thread(this::stop, name + "-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /**
     * The binary at {@code path}; when it is not installed the calling test is skipped, or fails when
     * {@value #REQUIRE_ENV}=1.
     */
    static Path binary(String path, String debianPackage) {
        Path binary = Path.of(path);
        if (!Files.isExecutable(binary)) {
            String why = path + " is not installed (apt-get install " + debianPackage + ")";
            if ("1".equals(System.getenv(REQUIRE_ENV))) {
                throw new AssertionError(why + ", and " + REQUIRE_ENV + "=1 requires it");
            }
            Assumptions.assumeTrue(false, why + "; skipping the real-server test");
        }
        return binary;
    }

    /** Starts {@code command} with its output in {@code log}, then waits for {@code /-/ready} on {@code port}. */
    static ServerProcess start(String name, List<String> command, Path log, int port) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        ServerProcess server = new ServerProcess(name, process, log, port);
        try {
            server.awaitReady(String.join(" ", command));
        } catch (IOException | RuntimeException | Error e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** A port nothing listens on right now; the server binds it a moment later. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private void awaitReady(String command) throws IOException {
        Instant deadline = Instant.now().plus(READY_DEADLINE);
        URI ready = URI.create(url() + "/-/ready");
        String last = "no answer yet";
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + " before it was ready\n"
                        + "command: " + command + "\n" + tail());
            }
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
                last = "answered " + r.statusCode();
            } catch (IOException e) {
                last = e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for " + name, e);
            }
            sleep(100);
        }
        throw new AssertionError(name + " was not ready within " + READY_DEADLINE.toSeconds() + " s (" + last
                + ")\ncommand: " + command + "\n" + tail());
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
    String url() {
        return "http://127.0.0.1:" + port;
    }

    Path log() {
        return log;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The last lines of the server's log, labelled, for failure messages. */
    String tail() {
        return "--- last lines of " + log + " ---\n" + tailOf(log, TAIL_LINES);
    }

    static String tailOf(Path file, int lines) {
        if (!Files.exists(file)) {
            return "(no log written)";
        }
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            // the end of a log is all a failure message needs; a long run's log is not read whole
            long from = Math.max(0, f.length() - 16 * 1024);
            byte[] bytes = new byte[(int) (f.length() - from)];
            f.seek(from);
            f.readFully(bytes);
            List<String> all = new String(bytes, StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read the log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down and the hook is running or ran
        }
    }

    private void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
