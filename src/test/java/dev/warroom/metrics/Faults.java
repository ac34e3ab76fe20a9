package dev.warroom.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.function.Executable;

/** What a broken or slow source looks like on the wire, shared by the source tests. */
final class Faults {
    /** Short enough to keep the suite quick, long enough for a loaded 2-core CI machine to answer in. */
    static final Duration SHORT_READ = Duration.ofMillis(400);

    private Faults() {
    }

    /** A loopback port nothing listens on: bound, then freed. */
    static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static MockWebServer loopbackServer() throws IOException {
        MockWebServer server = new MockWebServer();
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        return server;
    }

    static String url(MockWebServer server) {
        return "http://127.0.0.1:" + server.getPort() + "/";
    }

    static MockResponse json(int code, String body) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json").setBody(body);
    }

    static MockResponse plain(int code, String body) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "text/plain; charset=utf-8").setBody(body);
    }

    /** Asserts {@code call} fails with {@code failure} and returns the exception for message checks. */
    static SourceException fails(SourceException.Failure failure, Executable call) {
        SourceException e = assertThrows(SourceException.class, call);
        assertEquals(failure, e.failure(), e.getMessage());
        return e;
    }

    /** The form fields of a recorded POST, decoded. */
    static Map<String, String> form(RecordedRequest request) {
        java.util.LinkedHashMap<String, String> fields = new java.util.LinkedHashMap<>();
        for (String pair : request.getBody().clone().readUtf8().split("&")) {
            int eq = pair.indexOf('=');
            fields.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
        }
        return fields;
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Every message logged under {@code logger} while installed, at all levels. */
    static final class CapturedLog extends Handler implements AutoCloseable {
        final List<String> lines = new CopyOnWriteArrayList<>();
        private final java.util.logging.Logger logger;
        private final java.util.logging.Level before;

        CapturedLog(java.util.logging.Logger logger) {
            this.logger = logger;
            this.before = logger.getLevel();
            setLevel(java.util.logging.Level.ALL);
            logger.setLevel(java.util.logging.Level.ALL);
            logger.addHandler(this);
        }

        @Override
        public void publish(LogRecord record) {
            lines.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            logger.removeHandler(this);
            logger.setLevel(before);
        }
    }
}
