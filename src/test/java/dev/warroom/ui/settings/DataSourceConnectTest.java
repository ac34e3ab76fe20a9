package dev.warroom.ui.settings;

import dev.warroom.slo.spec.CheckoutSpec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.slo.AlertPolicy;
import dev.warroom.ui.Screenshots;
import dev.warroom.ui.console.ConsoleFixtures;
import dev.warroom.ui.console.ConsoleServices;
import dev.warroom.ui.console.ConsoleState;
import dev.warroom.ui.console.Theme;
import dev.warroom.ui.slo.SloBoard;
import dev.warroom.ui.slo.SloTile;
import dev.warroom.ui.slo.TileState;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Settings panel's Connect against a fake Prometheus on loopback, with the console's SLO board
 * beside it: connect, see the SLO's tile page Sev-1, see it go stale when Prometheus answers 503;
 * and what a person reads when the SLO file, the token file or the server is wrong.
 */
@ExtendWith(ApplicationExtension.class)
class DataSourceConnectTest {
    private static final String ID = "checkout-requests-availability";
    private static final String TOKEN = "test-token-7f3a9c";
    private static final String SPEC = CheckoutSpec.SLOTH;

    @TempDir
    Path dir;

    private final ConsoleFixtures fixtures = new ConsoleFixtures();
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "test-background");
        t.setDaemon(true);
        return t;
    });
    private final FakePrometheus prometheus = new FakePrometheus();
    private MockWebServer server;
    private LiveDataSource dataSource;
    private ConsoleState state;
    private SettingsPanel panel;
    private SloBoard board;
    private Scene scene;

    @Start
    void start(Stage stage) throws IOException {
        server = new MockWebServer();
        server.setDispatcher(prometheus);
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        Clock wall = Clock.systemUTC();
        dataSource = new LiveDataSource(dir.resolve("store").resolve(DataSourceSettings.FILE_NAME),
                AlertPolicy.sreWorkbook(), wall);
        ConsoleServices s = fixtures.services;
        ConsoleServices services = new ConsoleServices(s.timeline(), s.timelineOn(), s.runbooks(), s.scenarios(),
                s.severities(), s.escalation(), s.alertPolicy(), s.pager(), wall, background, Platform::runLater,
                s.scheduler(), "/home/ana/.local/share/warroom/warroom.mv.db", dataSource);
        state = new ConsoleState(wall);
        panel = new SettingsPanel(services, state, Path.of("/home/ana/ops/runbooks"));
        board = SloBoard.forConsole(services, state);
        Parent boardView = board.view();
        // the console's left slot is about 320 px; the panel beside it gets the rest of a 1366 px screen
        ((javafx.scene.layout.Region) boardView).setMinWidth(320);
        ((javafx.scene.layout.Region) boardView).setPrefWidth(320);
        HBox console = new HBox(boardView, panel.view());
        scene = new Scene(console, 1366, 620);
        Theme.DARK.apply(scene);
        state.themeProperty().addListener((obs, was, theme) -> theme.apply(scene));
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() throws IOException {
        dataSource.close();
        background.shutdownNow();
        fixtures.scheduler.shutdownNow();
        server.shutdown();
    }

    @Test
    void connect_showsTheSloPagingSev1_savesTheSettingsWithoutTheToken_andTurnsStaleOn503(FxRobot robot) throws Exception {
        Path token = secret(".config/warroom/prom.token", TOKEN, "rw-------");
        Path slos = file("ops/slos/checkout.yml", SPEC);
        robot.clickOn("#url").write(url());
        robot.clickOn("Bearer");
        robot.doubleClickOn("#pollInterval").write("200ms");
        robot.interact(() -> {
            DataSourceViewModel ds = panel.viewModel().dataSource();
            ds.tokenFileProperty().set(token);
            ds.sloFilesProperty().set(List.of(slos));
        });
        robot.clickOn("#connect");

        waitUntil(robot, () -> tile(robot) != null && tile(robot).getState() == TileState.SEV1);
        String message = text(robot, "#connectMessage");
        assertTrue(message.startsWith("Connected to prom 2.53.0: watching 1 SLO."), message);
        assertFalse(tile(robot).getReading().isStale(), tile(robot).getReading().staleText());
        assertFalse(robot.lookup(".slo-drill-badge").query().isVisible(), "live SLOs are not a drill");
        waitUntil(robot, () -> !text(robot, "#lastPoll").equals(DataSourceViewModel.NONE)
                && !text(robot, "#lastPoll").equals("not yet"));
        assertEquals("prom 2.53.0 \u00B7 1 SLO", text(robot, "#server"));
        assertEquals("yes", text(robot, "#ready"));
        assertEquals("8", text(robot, "#requestsPerPoll"), "one batched query per window");
        assertEquals("no: the SLOs' own queries", text(robot, "#recordingRules"));
        assertTrue(prometheus.authorizations.equals(Set.of("Bearer " + TOKEN)), prometheus.authorizations.toString());

        String saved = Files.readString(dataSource.settingsFile());
        assertTrue(saved.contains("token_file: \"" + token + "\""), saved);
        assertFalse(saved.contains(TOKEN), "the token stays in its own file");
        assertEquals(panel.viewModel().dataSource().settings(), DataSourceSettings.read(dataSource.settingsFile()));

        prometheus.down = true;
        waitUntil(robot, () -> tile(robot).getReading().isStale());
        String stale = tile(robot).getReading().staleText();
        assertTrue(stale.matches("stale \\d+s: 503 from prom: .*"), stale);
        assertEquals(TileState.SEV1, tile(robot).getState(), "the last good decision stays on the tile");
        waitUntil(robot, () -> text(robot, "#lastError").startsWith("503 from prom"));
    }

    @Test
    void aBadSloFile_saysFileAndLine_andConnectsNothing(FxRobot robot) throws Exception {
        Path slos = file("broken-slos.yml", SPEC.replace("objective: 99.9", "objective: very high"));
        fill(robot, url(), DataSourceSettings.Auth.NONE, null, slos);
        robot.clickOn("#connect");

        waitUntil(robot, () -> panel.viewModel().dataSource().failedProperty().get());
        String message = text(robot, "#connectMessage");
        assertTrue(message.matches("(?s)SLO spec: \\Q" + slos + "\\E:5: slos\\[0\\]\\.objective: must be a number, got .very high.\\nThe board keeps its current source\\."),
                message);
        assertTrue(robot.lookup("#connectMessage").query().getStyleClass().contains("settings-error"));
        assertNull(dataSource.monitor());
        assertFalse(Files.exists(dataSource.settingsFile()), "settings that do not work are not saved");
        assertEquals(0, server.getRequestCount(), "the SLOs are read before anything is asked");
    }

    @Test
    void aTokenFileOthersCanRead_isRefused_withTheChmodToFixIt(FxRobot robot) throws Exception {
        Path token = secret("open.token", TOKEN, "rw-r--r--");
        fill(robot, url(), DataSourceSettings.Auth.BEARER, token, file("slos.yml", SPEC));
        robot.clickOn("#connect");

        waitUntil(robot, () -> panel.viewModel().dataSource().failedProperty().get());
        String message = text(robot, "#connectMessage");
        assertTrue(message.startsWith(token + ": token file is open to group or others (rw-r--r--); refusing to use it."
                + " Fix: chmod 600 " + token), message);
        assertFalse(message.contains(TOKEN));
        assertNull(dataSource.monitor());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void nothingListening_saysItCannotReachTheServer(FxRobot robot) throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        fill(robot, "http://127.0.0.1:" + closed + "/", DataSourceSettings.Auth.NONE, null, file("slos.yml", SPEC));
        robot.clickOn("#connect");

        waitUntil(robot, () -> panel.viewModel().dataSource().failedProperty().get());
        String message = text(robot, "#connectMessage");
        assertTrue(message.startsWith("cannot reach prom: "), message);
        assertTrue(message.endsWith("The board keeps its current source."), message);
        assertNull(dataSource.monitor());
        assertEquals("not connected", text(robot, "#server"));
    }

    @Test
    void anEmptyForm_saysWhatIsMissing_beforeTryingAnything(FxRobot robot) {
        robot.clickOn("#connect");
        String message = text(robot, "#connectMessage");
        assertTrue(message.startsWith("URL: give the Prometheus address"), message);
        assertTrue(message.contains("SLO files: choose at least one"), message);
        assertEquals(0, server.getRequestCount());
    }

    private void fill(FxRobot robot, String url, DataSourceSettings.Auth auth, Path token, Path slos) {
        robot.interact(() -> {
            DataSourceViewModel ds = panel.viewModel().dataSource();
            ds.urlProperty().set(url);
            ds.authProperty().set(auth);
            ds.tokenFileProperty().set(token);
            ds.sloFilesProperty().set(List.of(slos));
        });
    }

    private String url() {
        return "http://127.0.0.1:" + server.getPort() + "/";
    }

    private Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text);
    }

    private Path secret(String name, String text, String permissions) throws IOException {
        Path p = file(name, text + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(permissions));
        return p;
    }

    private static SloTile tile(FxRobot robot) {
        return robot.lookup("#slo-" + ID).tryQueryAs(SloTile.class).orElse(null);
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    /** Refreshes the board and the panel as the console's ticker would, until {@code done} or 10 s. */
    private void waitUntil(FxRobot robot, BooleanSupplier done) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            robot.interact(() -> {
                board.refresh();
                panel.refresh();
            });
            WaitForAsyncUtils.waitForFxEvents();
            boolean[] ok = new boolean[1];
            robot.interact(() -> ok[0] = done.getAsBoolean());
            if (!ok[0]) {
                Thread.sleep(50);
            }
            return ok[0];
        });
    }

    /**
     * Prometheus as its HTTP API documents it: build info, readiness, and instant queries. The Sloth
     * discovery query finds no recording rules, so Warroom sends the SLOs' own queries batched per
     * window; each batch is answered with the SLO's 2 % error ratio and its event rate.
     */
    private static final class FakePrometheus extends Dispatcher {
        final Set<String> authorizations = new CopyOnWriteArraySet<>();
        volatile boolean down;

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            String auth = request.getHeader("Authorization");
            if (auth != null) {
                authorizations.add(auth);
            }
            String path = request.getRequestUrl() == null ? "" : request.getRequestUrl().encodedPath();
            if (down) {
                return new MockResponse().setResponseCode(503).setBody("overloaded");
            }
            switch (path) {
                case "/api/v1/status/buildinfo":
                    return json("{\"status\":\"success\",\"data\":{\"version\":\"2.53.0\",\"revision\":\"1f2e3d\","
                            + "\"branch\":\"HEAD\",\"buildUser\":\"root@build\",\"buildDate\":\"20240618-10:00:00\","
                            + "\"goVersion\":\"go1.22.4\"}}");
                case "/-/ready":
                    return new MockResponse().setBody("Prometheus Server is Ready.\n");
                case "/api/v1/query_range":
                    return json("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[]}}");
                case "/api/v1/query":
                    return query(form(request).getOrDefault("query", ""));
                default:
                    return new MockResponse().setResponseCode(404).setBody("404 page not found\n");
            }
        }

        private static MockResponse query(String promql) {
            if (promql.startsWith("group by (sloth_id, sloth_window)")) {
                return json("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}");
            }
            if (!promql.contains("label_replace(") || !promql.contains("\"warroom_slo\", \"" + ID + "\"")) {
                return json("{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"unexpected query\"}")
                        .setResponseCode(400);
            }
            long now = System.currentTimeMillis() / 1000;
            return json("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
                    + "{\"metric\":{\"warroom_slo\":\"" + ID + "\"},\"value\":[" + now + ",\"0.02\"]},"
                    + "{\"metric\":{\"warroom_events\":\"" + ID + "\"},\"value\":[" + now + ",\"50\"]}]}}");
        }

        private static java.util.Map<String, String> form(RecordedRequest request) {
            java.util.Map<String, String> fields = new java.util.HashMap<>();
            for (String pair : request.getBody().clone().readUtf8().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            return fields;
        }

        private static MockResponse json(String body) {
            return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
        }
    }
}
