package dev.warroom.ui.settings;

import dev.warroom.slo.spec.CheckoutSpec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.metrics.SloMonitor;
import dev.warroom.slo.AlertPolicy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One monitor at a time: resumed at launch without waiting, replaced (and the old one closed) on connect. */
class LiveDataSourceTest {
    private static final String SPEC = CheckoutSpec.SLOTH;

    @TempDir
    Path dir;
    private LiveDataSource dataSource;
    private MockWebServer server;

    private LiveDataSource dataSource() {
        dataSource = new LiveDataSource(dir.resolve(DataSourceSettings.FILE_NAME), AlertPolicy.sreWorkbook(), Clock.systemUTC());
        return dataSource;
    }

    @AfterEach
    void close() throws IOException {
        if (dataSource != null) {
            dataSource.close();
        }
        if (server != null) {
            server.shutdown();
        }
    }

    @Test
    void resume_startsTheSavedSource_withoutWaitingForIt_soADownSourceShowsAsStaleTiles() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        LiveDataSource live = dataSource();
        live.save(DataSourceSettings.prometheus("http://127.0.0.1:" + closed + "/", List.of(slos())));

        live.resume();

        assertNotNull(live.monitor(), "a Prometheus that is down at launch is still watched");
        assertTrue(live.status().connected());
        assertEquals(1, live.status().slos());
    }

    @Test
    void resume_withABadFile_keepsTheFileAndLine_forTheSettingsPanel() throws IOException {
        Files.writeString(dir.resolve(DataSourceSettings.FILE_NAME), "kind: prometheus\nurl: [\n");
        LiveDataSource live = dataSource();

        live.resume();

        assertNull(live.monitor());
        assertFalse(live.status().connected());
        String why = live.status().lastError();
        assertTrue(why.startsWith(dir.resolve(DataSourceSettings.FILE_NAME) + ":3: not valid YAML")
                || why.startsWith(dir.resolve(DataSourceSettings.FILE_NAME) + ":2: not valid YAML"), why);
    }

    @Test
    void connectElsewhere_replacesTheMonitor_andTheOldOneAsksItsServerNoMore() throws Exception {
        server = prometheus();
        try (MockWebServer next = prometheus()) {
            LiveDataSource live = dataSource();
            LiveDataSource.Connected first = live.connect(every200ms(server), LiveDataSource.Steps.NONE);
            SloMonitor old = live.monitor();
            waitFor(() -> old.pollerState().lastPollAt() != null);

            live.connect(every200ms(next), LiveDataSource.Steps.NONE);
            Thread.sleep(150); // a request already on the wire when the old poller closed may still arrive
            int asked = server.getRequestCount();
            Thread.sleep(800);

            assertEquals("2.53.0", first.version());
            assertNotSame(old, live.monitor());
            assertEquals(asked, server.getRequestCount(), "the old monitor polls no more");
            waitFor(() -> live.monitor().pollerState().lastPollAt() != null);
            assertTrue(next.getRequestCount() > 2, "the new one polls its own server");
        }
    }

    @Test
    void resumeAndConnect_startTheWebhookWithTheSource_andCloseStopsIt() throws Exception {
        server = prometheus();
        LiveAlerts alerts = new LiveAlerts(new dev.warroom.incident.InMemoryTimeline(Clock.systemUTC()), Clock.systemUTC());
        dataSource = new LiveDataSource(dir.resolve(DataSourceSettings.FILE_NAME), AlertPolicy.sreWorkbook(),
                Clock.systemUTC(), alerts);
        Path secret = Files.writeString(dir.resolve("webhook.secret"), "s3cret\n");
        Files.setPosixFilePermissions(secret, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort();
        }
        DataSourceSettings settings = every200ms(server).withAlerting(null, new DataSourceSettings.Webhook(port, secret), true);
        dataSource.save(settings);

        dataSource.resume();
        assertEquals("http://127.0.0.1:" + port + "/alertmanager", alerts.status().webhookUrl(), "started at launch");

        dataSource.connect(settings, LiveDataSource.Steps.NONE);
        assertEquals("http://127.0.0.1:" + port + "/alertmanager", alerts.status().webhookUrl(),
                "a reconnect on the same port replaces the receiver rather than finding the port in use");

        dataSource.close();
        assertNull(alerts.status().webhookUrl());
        try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            assertEquals(port, again.getLocalPort(), "the port is free once the console closes");
        }
    }

    private DataSourceSettings every200ms(MockWebServer prometheus) throws IOException {
        return new DataSourceSettings(DataSourceSettings.Kind.PROMETHEUS, "http://127.0.0.1:" + prometheus.getPort() + "/",
                null, null, DataSourceSettings.Auth.NONE, null, null, null, java.time.Duration.ofMillis(200), List.of(slos()));
    }

    private static void waitFor(java.util.function.BooleanSupplier done) throws InterruptedException {
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("not within 10 s");
            }
            Thread.sleep(20);
        }
    }

    /** Build info, readiness and empty answers: enough to connect and poll. */
    private static MockWebServer prometheus() throws IOException {
        MockWebServer server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getRequestUrl().encodedPath();
                if (path.equals("/api/v1/status/buildinfo")) {
                    return json("{\"status\":\"success\",\"data\":{\"version\":\"2.53.0\"}}");
                }
                if (path.equals("/-/ready")) {
                    return new MockResponse().setBody("Prometheus Server is Ready.\n");
                }
                if (path.equals("/api/v1/query_range")) {
                    return json("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[]}}");
                }
                return json("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}");
            }
        });
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        return server;
    }

    private Path slos() throws IOException {
        return Files.writeString(dir.resolve("slos.yml"), SPEC);
    }

    private static MockResponse json(String body) {
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
    }
}
