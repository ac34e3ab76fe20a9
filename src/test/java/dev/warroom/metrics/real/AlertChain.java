package dev.warroom.metrics.real;

import dev.warroom.drill.MetricsEndpoint;
import dev.warroom.drill.MockService;
import dev.warroom.drill.Scenario;
import dev.warroom.drill.ScenarioLibrary;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * The monitoring half of the alert chain, all real and all on 127.0.0.1: the Warroom mock serving
 * {@code /metrics} in an outage, a Prometheus scraping it every second with the Sloth-style SLO rules
 * of {@code src/test/resources/prometheus/}, and an Alertmanager posting to a webhook URL with a
 * bearer secret. Closing it stops all three, newest first.
 */
final class AlertChain implements AutoCloseable {
    /** The mock's outage: provider-outage, failing from the first second instead of after ten minutes. */
    static final String SCENARIO = "provider-outage";

    private final MetricsEndpoint mock;
    private final AlertmanagerProcess alertmanager;
    private final PrometheusProcess prometheus;

    private AlertChain(MetricsEndpoint mock, AlertmanagerProcess alertmanager, PrometheusProcess prometheus) {
        this.mock = mock;
        this.alertmanager = alertmanager;
        this.prometheus = prometheus;
    }

    /** Starts mock, Alertmanager and Prometheus with their files under {@code dir}. */
    static AlertChain start(Path dir, String webhookUrl, String secret) throws IOException {
        Scenario s = ScenarioLibrary.bundled().require(SCENARIO);
        // a live test cannot wait ten minutes for the failure to start, so it starts at once, at full strength
        Scenario now = new Scenario(s.id(), s.title(), s.summary(), s.service(), s.symptom(), s.alert(), s.runbook(),
                s.rootCause(), s.slo(), s.requestsPerSecond(), s.baselineErrorRatio(), Duration.ZERO, Duration.ZERO,
                s.health(), s.expectSeverity(), s.maxSteps(), s.mitigations(), s.source());
        Clock wall = Clock.systemUTC();
        MetricsEndpoint mock = MetricsEndpoint.start(new MockService(now, wall, 7), wall, 0);
        AlertmanagerProcess alertmanager = null;
        try {
            alertmanager = AlertmanagerProcess.start(dir.resolve("alertmanager"), resource("alertmanager.yml")
                    .replace("${WEBHOOK_URL}", webhookUrl)
                    .replace("${WEBHOOK_SECRET}", secret));
            PrometheusProcess prometheus = PrometheusProcess.in(dir.resolve("prometheus"))
                    .config(resource("prometheus.yml")
                            .replace("${ALERTMANAGER_TARGET}", alertmanager.target())
                            .replace("${MOCK_TARGET}", "127.0.0.1:" + mock.port()))
                    .file("rules/chat-availability-slo.yml", resource("rules/chat-availability-slo.yml"))
                    .start();
            return new AlertChain(mock, alertmanager, prometheus);
        } catch (IOException | RuntimeException | Error e) {
            if (alertmanager != null) {
                alertmanager.close();
            }
            mock.close();
            throw e;
        }
    }

    /** A file from {@code src/test/resources/prometheus/}. */
    static String resource(String name) {
        try (InputStream in = AlertChain.class.getResourceAsStream("/prometheus/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource prometheus/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    PrometheusProcess prometheus() {
        return prometheus;
    }

    AlertmanagerProcess alertmanager() {
        return alertmanager;
    }

    /** What Prometheus and Alertmanager were doing, for a failure message. */
    String diagnostics() {
        String alerts;
        try {
            alerts = prometheus.get("/api/v1/alerts");
        } catch (IOException | AssertionError e) {
            alerts = "(cannot read: " + e.getMessage() + ")";
        }
        return "Prometheus /api/v1/alerts: " + alerts + "\n" + prometheus.tail() + "\n" + alertmanager.tail();
    }

    /** Waits until {@code condition} holds, failing after {@code timeout} with the chain's diagnostics. */
    void await(String what, Duration timeout, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("gave up after " + timeout.toSeconds() + " s waiting for " + what + "\n"
                        + diagnostics());
            }
            ServerProcess.sleep(200);
        }
    }

    @Override
    public void close() {
        try {
            prometheus.close();
        } finally {
            try {
                alertmanager.close();
            } finally {
                mock.close();
            }
        }
    }
}
