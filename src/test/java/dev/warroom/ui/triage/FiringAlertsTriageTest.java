package dev.warroom.ui.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.ui.Screenshots;
import dev.warroom.ui.console.ConsoleFixtures;
import dev.warroom.ui.console.ConsoleServices;
import dev.warroom.ui.console.PanelScenes;
import dev.warroom.ui.console.Theme;
import dev.warroom.ui.settings.DataSourceSettings;
import dev.warroom.ui.settings.LiveAlerts;
import dev.warroom.ui.settings.LiveDataSource;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The triage panel's "Firing in Alertmanager" list against a fake Alertmanager on loopback that
 * answers {@code GET /api/v2/alerts} as its OpenAPI documents it: the alert is listed with its name,
 * severity, service and runbook_url; choosing it ranks the runbook that URL names first; and when
 * Alertmanager goes down the list says it is stale and why.
 */
@ExtendWith(ApplicationExtension.class)
class FiringAlertsTriageTest {
    /** Named so that no runbook lists it: only the runbook_url can put provider-outage first. */
    private static final String ALERT = "CheckoutUpstream5xx";
    private static final String RUNBOOK_URL = "https://git.example/ops/runbooks/blob/main/provider-outage.md";
    private static final String ALERTS = """
            [{"labels": {"alertname": "%s", "severity": "critical", "service": "checkout", "team": "payments"},
              "annotations": {"summary": "checkout answers 5xx", "runbook_url": "%s"},
              "receivers": [{"name": "warroom"}],
              "fingerprint": "c4b1a0f3d2e5a6b7",
              "startsAt": "2026-11-18T01:52:00.123Z",
              "updatedAt": "2026-11-18T01:59:00.456Z",
              "endsAt": "2026-11-18T02:09:00.123Z",
              "generatorURL": "http://127.0.0.1:9090/graph?g0.expr=up",
              "status": {"state": "active", "silencedBy": [], "inhibitedBy": []}}]
            """.formatted(ALERT, RUNBOOK_URL);

    private final ConsoleFixtures fixtures = new ConsoleFixtures();
    private final FakeAlertmanager fake = new FakeAlertmanager();
    private MockWebServer alertmanager;
    private LiveAlerts alerts;
    private TriagePanel panel;
    private Scene scene;

    @Start
    void start(Stage stage) throws IOException {
        alertmanager = new MockWebServer();
        alertmanager.setDispatcher(fake);
        alertmanager.start(InetAddress.getByName("127.0.0.1"), 0);
        ConsoleServices s = fixtures.services;
        // polled every 200 ms so the test sees Alertmanager go down without waiting 15 s
        alerts = new LiveAlerts(s.timeline(), s.wall(), Duration.ofMillis(200));
        ConsoleServices services = new ConsoleServices(alerts.timeline(), s.timelineOn(), s.runbooks(), s.scenarios(),
                s.severities(), s.escalation(), s.alertPolicy(), s.pager(), s.wall(), s.background(), s.fxThread(),
                s.scheduler(), s.storeName(), new LiveDataSource(null, s.alertPolicy(), s.wall(), alerts));
        panel = new TriagePanel(services, fixtures.state, "li");
        scene = PanelScenes.of((Parent) panel.view(), Theme.DARK);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() throws IOException {
        alerts.close();
        fixtures.scheduler.shutdownNow();
        alertmanager.shutdown();
    }

    @Test
    void aFiringAlertIsListed_andChoosingIt_ranksTheRunbookItsUrlNamesFirst(FxRobot robot) throws Exception {
        connect();
        waitUntil(robot, () -> panel.viewModel().firing().size() == 1);

        TriageViewModel.FiringRow row = panel.viewModel().firing().get(0);
        assertEquals(ALERT, row.name());
        assertEquals("Sev-1", row.severity(), "severity=critical asks for Sev-1");
        assertEquals("checkout", row.service());
        assertEquals(RUNBOOK_URL, row.runbookUrl());
        assertEquals("1 firing, oldest first \u00B7 choose one to triage it", text(robot, "#firingNote"));
        robot.lookup(ALERT).query();
        robot.lookup("Sev-1").query();
        robot.lookup("service checkout").query();
        RecordedRequest asked = alertmanager.takeRequest(5, TimeUnit.SECONDS);
        assertEquals("/api/v2/alerts?active=true&silenced=false&inhibited=false", asked.getPath(),
                "only what fires and nobody silenced");

        robot.clickOn(ALERT);

        String field = robot.lookup("#alertsField").queryAs(TextArea.class).getText();
        assertEquals("alertname=" + ALERT + " service=checkout severity=critical team=payments runbook_url=" + RUNBOOK_URL,
                field);
        waitUntil(robot, () -> !panel.viewModel().suggestions().isEmpty());
        TriageViewModel.SuggestionRow first = panel.viewModel().suggestions().get(0);
        assertEquals("provider-outage", first.runbookId());
        assertTrue(first.reasons().contains("named by the alert's runbook_url"), first.reasonsText());
        ListView<?> suggestions = robot.lookup("#suggestionList").queryListView();
        assertEquals(first, suggestions.getItems().get(0));

        // no port or clock in the picture: the URL is the alert's, the note counts alerts
        Path picture = Screenshots.write(robot, scene, "triage-firing-dark.png");
        assertTrue(Files.size(picture) > 10_000);
    }

    @Test
    void whenAlertmanagerGoesDown_theListStays_andSaysItIsStaleAndWhy(FxRobot robot) throws Exception {
        connect();
        waitUntil(robot, () -> panel.viewModel().firing().size() == 1);

        fake.down = true;

        waitUntil(robot, () -> panel.viewModel().firingStaleProperty().get());
        String note = text(robot, "#firingNote");
        assertTrue(note.matches("stale [0-9dhms]+: 503 from alertmanager 127\\.0\\.0\\.1:\\d+: overloaded"), note);
        assertEquals(1, panel.viewModel().firing().size(), "the last list read stays, marked stale");
        assertTrue(robot.lookup("#firingNote").query().getStyleClass().contains("stale"));
    }

    @Test
    void withoutAnAlertmanager_theListSaysHowToConnectOne(FxRobot robot) throws Exception {
        alerts.apply(DataSourceSettings.prometheus("http://127.0.0.1:9/", List.of(Path.of("slos.yml"))));
        waitUntil(robot, () -> text(robot, "#firingNote").startsWith("Alertmanager is not connected: give alertmanager: url in datasource.yaml"));
        assertFalse(robot.lookup("#firingList").query().isVisible(), "no empty box where the list would be");
        assertEquals(0, alertmanager.getRequestCount());
    }

    private void connect() {
        DataSourceSettings settings = DataSourceSettings.prometheus("http://127.0.0.1:9/", List.of(Path.of("slos.yml")))
                .withAlerting(new DataSourceSettings.Alertmanager("http://127.0.0.1:" + alertmanager.getPort(), null),
                        null, true);
        alerts.apply(settings);
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    /** Refreshes the panel as the console's ticker does, until {@code done} or 10 s. */
    private void waitUntil(FxRobot robot, BooleanSupplier done) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            robot.interact(panel::refresh);
            boolean[] ok = new boolean[1];
            robot.interact(() -> ok[0] = done.getAsBoolean());
            if (!ok[0]) {
                Thread.sleep(50);
            }
            return ok[0];
        });
    }

    /** Alertmanager's v2 alerts endpoint; 503 once it is "down". */
    private static final class FakeAlertmanager extends Dispatcher {
        volatile boolean down;

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            if (down) {
                return new MockResponse().setResponseCode(503).setBody("overloaded");
            }
            String path = request.getRequestUrl() == null ? "" : request.getRequestUrl().encodedPath();
            if (!"GET".equals(request.getMethod()) || !path.equals("/api/v2/alerts")) {
                return new MockResponse().setResponseCode(404).setBody("not found");
            }
            return new MockResponse().setHeader("Content-Type", "application/json").setBody(ALERTS);
        }
    }
}
