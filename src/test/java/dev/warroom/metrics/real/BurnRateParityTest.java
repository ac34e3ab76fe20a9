package dev.warroom.metrics.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warroom.drill.MetricsEndpoint;
import dev.warroom.drill.MockService;
import dev.warroom.drill.Scenario;
import dev.warroom.drill.ScenarioLibrary;
import dev.warroom.metrics.PrometheusSource;
import dev.warroom.metrics.Sample;
import dev.warroom.metrics.SloMonitor;
import dev.warroom.metrics.SloQueries;
import dev.warroom.metrics.SloWindows;
import dev.warroom.metrics.SourceConfig;
import dev.warroom.metrics.WindowRatios;
import dev.warroom.slo.AlertPolicy;
import dev.warroom.slo.Slo;
import dev.warroom.slo.spec.SloDefinition;
import dev.warroom.slo.spec.SloSpecs;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The burn rates Warroom computes are the ones Prometheus computes: a real Prometheus scrapes the
 * mock every second and records Sloth's eight SLI error-ratio rules; Warroom's own queries (batched
 * per window) evaluated at the rules' evaluation instant give the same values, and so does
 * {@code warroom slo status --json}, whether it reads the rules or the raw queries.
 */
class BurnRateParityTest {
    static final String SERVICE = "chat-api";
    static final String SLO_NAME = "chat-availability";
    static final String SLOTH_ID = SERVICE + "-" + SLO_NAME;
    /** Sloth's windows: the policy's seven and the 30d period. */
    static final List<String> WINDOWS = List.of("5m", "30m", "1h", "2h", "6h", "1d", "3d", "30d");
    static final double TOLERANCE = 1e-9;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static MetricsEndpoint mock;
    private static PrometheusProcess prometheus;

    /** A Sloth prometheus/v1 spec for the mock's SLO; {@code service} decides whether the rules' sloth_id matches. */
    static String spec(String service) {
        return """
                version: "prometheus/v1"
                service: "%s"
                slos:
                  - name: "%s"
                    objective: 99.9
                    sli:
                      events:
                        error_query: sum(rate(warroom_mock_bad_requests_total{service="chat-api"}[{{.window}}]))
                        total_query: sum(rate(warroom_mock_requests_total{service="chat-api"}[{{.window}}]))
                    alerting:
                      name: ChatAvailabilityBurn
                """.formatted(service, SLO_NAME);
    }

    /** The recording rules `sloth generate` writes for {@link #spec}: one group, so one evaluation instant. */
    static String slothRules() {
        StringBuilder rules = new StringBuilder("groups:\n  - name: sloth-slo-sli-recordings-" + SLOTH_ID + "\n    rules:\n");
        for (String w : WINDOWS) {
            rules.append("      - record: slo:sli_error:ratio_rate").append(w).append('\n')
                    .append("        expr: |\n")
                    .append("          (sum(rate(warroom_mock_bad_requests_total{service=\"chat-api\"}[").append(w).append("])))\n")
                    .append("          /\n")
                    .append("          (sum(rate(warroom_mock_requests_total{service=\"chat-api\"}[").append(w).append("])))\n")
                    .append("        labels:\n")
                    .append("          sloth_id: ").append(SLOTH_ID).append('\n')
                    .append("          sloth_service: ").append(SERVICE).append('\n')
                    .append("          sloth_slo: ").append(SLO_NAME).append('\n')
                    .append("          sloth_window: ").append(w).append('\n');
        }
        return rules.toString();
    }

    @BeforeAll
    static void start() throws Exception {
        Scenario s = ScenarioLibrary.bundled().require(AlertChain.SCENARIO);
        // failing from the first second, so the ratios are well away from zero
        Scenario now = new Scenario(s.id(), s.title(), s.summary(), s.service(), s.symptom(), s.alert(), s.runbook(),
                s.rootCause(), s.slo(), s.requestsPerSecond(), s.baselineErrorRatio(), Duration.ZERO, Duration.ZERO,
                s.health(), s.expectSeverity(), s.maxSteps(), s.mitigations(), s.source());
        mock = MetricsEndpoint.start(new MockService(now, Clock.systemUTC(), 7), Clock.systemUTC(), 0);
        prometheus = PrometheusProcess.in(dir.resolve("prometheus"))
                .config("""
                        global:
                          scrape_interval: 1s
                          scrape_timeout: 1s
                          evaluation_interval: 1s
                        rule_files: ['rules/*.yml']
                        scrape_configs:
                          - job_name: warroom-mock
                            static_configs:
                              - targets: ['127.0.0.1:%d']
                        """.formatted(mock.port()))
                .file("rules/sloth.yml", slothRules())
                .start();
    }

    @AfterAll
    static void stop() {
        if (prometheus != null) {
            prometheus.close();
        }
        if (mock != null) {
            mock.close();
        }
    }

    /**
     * An instant at which the rule group was evaluated with every window answering, a few seconds old
     * so every scrape up to it has been stored.
     */
    private static Instant ruleEvaluation(PrometheusSource source) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            List<Sample> stamp = source.instant("timestamp(slo:sli_error:ratio_rate30d{sloth_id=\"" + SLOTH_ID + "\"})",
                    Instant.now().minusSeconds(3));
            List<Sample> fiveMinutes = source.instant("slo:sli_error:ratio_rate5m{sloth_id=\"" + SLOTH_ID + "\"}",
                    Instant.now().minusSeconds(3));
            if (stamp.size() == 1 && fiveMinutes.size() == 1 && Double.isFinite(fiveMinutes.get(0).value())
                    && fiveMinutes.get(0).value() > 0) {
                long millis = Math.round(stamp.get(0).value() * 1000);
                return Instant.ofEpochMilli(millis);
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the recording rules never produced a value\n" + prometheus.tail());
    }

    private static Map<String, Double> ruleBurns(PrometheusSource source, Instant at, Slo slo) throws Exception {
        Map<String, Double> burns = new HashMap<>();
        for (String w : WINDOWS) {
            List<Sample> v = source.instant("slo:sli_error:ratio_rate" + w + "{sloth_id=\"" + SLOTH_ID + "\"}", at);
            assertEquals(1, v.size(), w + ": " + v);
            assertEquals(at, v.get(0).at());
            burns.put(w, slo.burnRate(v.get(0).value()));
        }
        return burns;
    }

    private static void assertSame(double expected, double actual, String what) {
        double relative = Math.abs(actual - expected) / Math.abs(expected);
        assertTrue(relative <= TOLERANCE, what + ": Warroom " + actual + " vs Prometheus " + expected
                + " (relative difference " + relative + ")");
    }

    @Test
    void warroomsOwnQueries_giveTheRecordingRulesBurnRates_atTheSameInstant() throws Exception {
        try (PrometheusSource source = new PrometheusSource(SourceConfig.of("prom", prometheus.url()))) {
            List<SloDefinition> defs = SloSpecs.read(spec(SERVICE), "chat.yml");
            Slo slo = defs.get(0).slo();
            Instant at = ruleEvaluation(source);
            Map<String, Double> expected = ruleBurns(source, at, slo);

            SloQueries raw = SloQueries.raw(defs, SloWindows.of(AlertPolicy.sreWorkbook()));
            assertTrue(raw.queries().stream().allMatch(q -> q.source() == SloQueries.Source.RAW_QUERIES));
            Map<SloQueries.PlannedQuery, List<Sample>> answers = new HashMap<>();
            for (SloQueries.PlannedQuery q : raw.queries()) {
                answers.put(q, source.instant(q.promql(), at));
            }
            WindowRatios ratios = raw.read(answers).get(SLOTH_ID);
            assertTrue(ratios.problems().isEmpty(), ratios.problems().toString());
            for (String w : WINDOWS) {
                Duration window = dev.warroom.time.Durations.parse(w);
                assertSame(expected.get(w), slo.burnRate(ratios.over(window).errorRatio()), w);
            }
        }
    }

    @Test
    void sloStatusJson_matchesTheRecordingRules_readingThemOrComputingItsOwn() throws Exception {
        try (PrometheusSource source = new PrometheusSource(SourceConfig.of("prom", prometheus.url()))) {
            Slo slo = SloSpecs.read(spec(SERVICE), "chat.yml").get(0).slo();
            Instant at = ruleEvaluation(source);
            Map<String, Double> expected = ruleBurns(source, at, slo);
            // the same SLO under another service name has no recording rules: Warroom computes its own
            for (String service : List.of(SERVICE, "chat-api-own-queries")) {
                Path spec = Files.writeString(dir.resolve(service + ".yml"), spec(service));
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                int exit = dev.warroom.app.WarroomCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                        .execute("slo", "status", "--source", prometheus.url(), "--slos", spec.toString(),
                                "--at", at.toString(), "--json");
                assertEquals(0, exit, err.toString());
                JsonNode row = JSON.readTree(out.toString()).get(0);
                assertEquals(service + "-" + SLO_NAME, row.get("slo").asText());
                assertEquals(WINDOWS.size(), row.get("windows").size());
                for (JsonNode window : row.get("windows")) {
                    String w = window.get("window").asText();
                    assertFalse(window.get("burn_rate").isNull(), service + " " + w + ": " + row);
                    assertSame(expected.get(w), window.get("burn_rate").asDouble(), service + " " + w);
                }
                assertTrue(row.get("problems").isEmpty(), row.toString());
                if (service.equals(SERVICE)) {
                    // read from the rules there are no event counts, so nothing holds the page back; from its own
                    // queries Warroom also counts the events, and seconds of data are too few to page on
                    assertEquals("page", row.get("decision").asText(), row.toString());
                }
            }
            SloMonitor.Evaluation viaRules = SloMonitor.evaluate(source, SloSpecs.read(spec(SERVICE), "chat.yml"),
                    AlertPolicy.sreWorkbook(), at, Clock.systemUTC());
            assertTrue(viaRules.recordingRules(), "the discovery query finds Sloth's rules");
            assertEquals(WINDOWS.size() + 1, viaRules.requests(), "one request per window for all SLOs, plus discovery");
        }
    }

    @Test
    void consoleDataSource_onTheRealPrometheus_putsTheBurningSloOnTheBoard() throws Exception {
        Path spec = Files.writeString(dir.resolve("board.yml"), spec(SERVICE));
        try (dev.warroom.ui.settings.LiveDataSource source = new dev.warroom.ui.settings.LiveDataSource(
                dir.resolve("board-datasource.yaml"), AlertPolicy.sreWorkbook(), Clock.systemUTC())) {
            var connected = source.connect(dev.warroom.ui.settings.DataSourceSettings.prometheus(prometheus.url(),
                    List.of(spec)), dev.warroom.ui.settings.LiveDataSource.Steps.NONE);
            assertTrue(connected.ready(), "Prometheus says it is ready");
            assertTrue(connected.version().startsWith("2.42"), connected.version());
            dev.warroom.ui.slo.LiveSloFeed board = new dev.warroom.ui.slo.LiveSloFeed(source::monitor);
            Instant deadline = Instant.now().plusSeconds(30);
            List<dev.warroom.ui.slo.SloReading> readings = board.readings();
            while ((readings.isEmpty() || readings.get(0).decision() == null) && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
                readings = board.readings();
            }
            dev.warroom.ui.slo.SloReading tile = readings.get(0);
            assertEquals(SLOTH_ID, tile.slo());
            assertFalse(tile.isStale(), tile.staleText());
            assertEquals(dev.warroom.slo.Decision.State.PAGE, tile.decision().state(), tile.decision().explanation());
            assertTrue(source.monitor().usesRecordingRules(), "the board reads Sloth's rules where Prometheus has them");
        }
    }

    @Test
    void backfilledHistory_givesPrometheusOwn1dAnd3dResults_atAPastInstant() throws Exception {
        // four days of counters, one sample a minute, ending three hours ago (clear of the head block)
        Instant end = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.HOURS);
        Instant begin = end.minus(4, ChronoUnit.DAYS);
        StringBuilder requests = new StringBuilder("# TYPE warroom_mock_requests counter\n");
        StringBuilder bad = new StringBuilder("# TYPE warroom_mock_bad_requests counter\n");
        long total = 0;
        long errors = 0;
        Map<Instant, long[]> counters = new HashMap<>();
        for (Instant t = begin; !t.isAfter(end); t = t.plusSeconds(60)) {
            counters.put(t, new long[] {total, errors});
            requests.append("warroom_mock_requests_total{service=\"chat-api\"} ").append(total).append(' ')
                    .append(t.getEpochSecond()).append('\n');
            bad.append("warroom_mock_bad_requests_total{service=\"chat-api\"} ").append(errors).append(' ')
                    .append(t.getEpochSecond()).append('\n');
            long hoursIn = Duration.between(begin, t).toHours();
            total += 600;
            // quiet for two days (0.05% bad), then a slow burn (0.5%), then a fast one (3%) on the last day
            errors += hoursIn < 48 ? (t.getEpochSecond() / 60 % 20 == 0 ? 6 : 0) : hoursIn < 72 ? 3 : 18;
        }
        Path history = dir.resolve("history.om");
        Files.writeString(history, requests.toString() + bad + "# EOF\n");
        Path tsdb = dir.resolve("history-tsdb");
        Promtool.backfillOpenMetrics(history, tsdb);

        try (PrometheusProcess past = PrometheusProcess.in(dir.resolve("history-prometheus"))
                .config("global:\n  scrape_interval: 15s\n").tsdb(tsdb).retention("10y").start();
             PrometheusSource source = new PrometheusSource(SourceConfig.of("history", past.url()))) {
            List<SloDefinition> defs = SloSpecs.read(spec(SERVICE), "chat.yml");
            Slo slo = defs.get(0).slo();
            SloMonitor.Evaluation evaluation = SloMonitor.evaluate(source, defs, AlertPolicy.sreWorkbook(), end, Clock.systemUTC());
            assertFalse(evaluation.recordingRules(), "no rules ran over the backfilled past");
            WindowRatios ratios = evaluation.statuses().get(0).ratios();
            for (String w : List.of("1d", "3d")) {
                Duration window = dev.warroom.time.Durations.parse(w);
                // Prometheus' own evaluation of Sloth's rule expression at the same past instant
                List<Sample> own = source.instant("(sum(rate(warroom_mock_bad_requests_total{service=\"chat-api\"}[" + w
                        + "])))\n/\n(sum(rate(warroom_mock_requests_total{service=\"chat-api\"}[" + w + "])))", end);
                assertEquals(1, own.size(), w + ": " + own + "\n" + past.tail());
                assertSame(slo.burnRate(own.get(0).value()), slo.burnRate(ratios.over(window).errorRatio()), w);
                // and both are the generator's exact ratio: the window's first sample sits on its start
                long[] from = counters.get(end.minus(window));
                long[] to = counters.get(end);
                double exact = (double) (to[1] - from[1]) / (to[0] - from[0]);
                assertEquals(exact, ratios.over(window).errorRatio(), exact * 1e-9, w);
            }
            assertEquals(dev.warroom.slo.Decision.State.PAGE, evaluation.statuses().get(0).decision().state(),
                    "3% bad over the last day burns 30x: " + evaluation.statuses().get(0).decision().explanation());
        }
    }
}
