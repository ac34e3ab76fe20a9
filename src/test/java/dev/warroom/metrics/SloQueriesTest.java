package dev.warroom.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.slo.AlertPolicy;
import dev.warroom.slo.Decision;
import dev.warroom.slo.EventCounts;
import dev.warroom.slo.PolicyEvaluator;
import dev.warroom.slo.Sli;
import dev.warroom.slo.Slo;
import dev.warroom.slo.spec.SloDefinition;
import dev.warroom.slo.spec.SloSpecs;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SloQueriesTest {
    private static final Path SPECS = Path.of("src/test/resources/specs");
    private static final Instant NOW = Instant.parse("2026-03-01T03:00:00Z");
    private static final Duration M5 = Duration.ofMinutes(5);
    private static final Duration D30 = Duration.ofDays(30);
    private static final List<SloDefinition> K8S = SloSpecs.read(SPECS.resolve("sloth/kubernetes-apiserver.yml"));

    private static SloDefinition definition(String service, String name, Sli sli) {
        return new SloDefinition(new Slo(name, service, 0.999, D30, sli), Map.of(), service + "-" + name, null, "t.yml:1");
    }

    private static Sample sample(double value, String... labels) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            map.put(labels[i], labels[i + 1]);
        }
        return new Sample(map, NOW, value);
    }

    private static SloQueries.PlannedQuery at(SloQueries plan, Duration window) {
        return plan.queries().stream().filter(q -> q.window().equals(window)).findFirst().orElseThrow();
    }

    @Test
    void slothRules_oneQueryPerWindowForAllSlos_periodNamedAsSlothNamesIt() {
        SloQueries plan = SloQueries.slothRules(K8S, SloWindows.sloth());
        assertEquals(8, plan.queries().size());
        assertEquals(List.of("slo:sli_error:ratio_rate5m", "slo:sli_error:ratio_rate30m", "slo:sli_error:ratio_rate1h",
                        "slo:sli_error:ratio_rate2h", "slo:sli_error:ratio_rate6h", "slo:sli_error:ratio_rate1d",
                        "slo:sli_error:ratio_rate3d", "slo:sli_error:ratio_rate30d"),
                plan.queries().stream().map(q -> q.promql().substring(0, q.promql().indexOf('{'))).toList());
        assertEquals("slo:sli_error:ratio_rate5m{sloth_id=~\"k8s-apiserver-requests-availability|k8s-apiserver-requests-latency\"}",
                at(plan, M5).promql());
        assertEquals("4w", SloWindows.promDuration(Duration.ofDays(28)));
        assertEquals("1w", SloWindows.promDuration(Duration.ofDays(7)));
        assertEquals("1d12h", SloWindows.promDuration(Duration.ofHours(36)));
    }

    @Test
    void rawQueries_oneBatchPerWindow_ratiosAndEventRatesLabelledBySlo() {
        SloQueries plan = SloQueries.raw(SloSpecs.read(SPECS.resolve("sloth/getting-started.yml")), SloWindows.sloth());
        assertEquals(8, plan.queries().size());
        assertEquals("label_replace((sum(rate(http_request_duration_seconds_count{job=\"myservice\",code=~\"(5..|429)\"}[5m])))"
                        + " / (sum(rate(http_request_duration_seconds_count{job=\"myservice\"}[5m]))), \"warroom_slo\","
                        + " \"myservice-requests-availability\", \"\", \"\") or"
                        + " label_replace(sum(rate(http_request_duration_seconds_count{job=\"myservice\"}[5m])),"
                        + " \"warroom_events\", \"myservice-requests-availability\", \"\", \"\")",
                at(plan, M5).promql());
        SloQueries wifi = SloQueries.raw(SloSpecs.read(SPECS.resolve("sloth/raw-home-wifi.yml")), SloWindows.sloth());
        assertEquals("label_replace((1 - (\n  sum(sum_over_time(unifipoller_client_satisfaction_ratio[5m]))\n  /\n"
                        + "  sum(count_over_time(unifipoller_client_satisfaction_ratio[5m]))\n)), \"warroom_slo\","
                        + " \"home-wifi-wifi-client-satisfaction\", \"\", \"\")",
                at(wifi, M5).promql());
    }

    @Test
    void rawQueries_goodOverTotal_isOneMinusTheRatio() {
        SloDefinition d = definition("api", "latency", Sli.goodOverTotal("sum(rate(good[{{.window}}]))", "sum(rate(all[{{.window}}]))"));
        SloQueries plan = SloQueries.raw(List.of(d), new SloWindows(List.of(M5)));
        assertEquals(2, plan.queries().size(), "5m and the 30d period");
        assertEquals("label_replace(1 - ((sum(rate(good[5m]))) / (sum(rate(all[5m])))), \"warroom_slo\", \"api-latency\", \"\", \"\")"
                + " or label_replace(sum(rate(all[5m])), \"warroom_events\", \"api-latency\", \"\", \"\")", at(plan, M5).promql());
    }

    @Test
    void read_rules_mapsBySlothId_missingNanInfAndDuplicatesAreNoData() {
        List<SloDefinition> defs = new ArrayList<>(K8S);
        defs.add(definition("web", "a", Sli.badOverTotal("x[{{.window}}]", "y[{{.window}}]")));
        defs.add(definition("web", "b", Sli.badOverTotal("x[{{.window}}]", "y[{{.window}}]")));
        SloQueries plan = SloQueries.slothRules(defs, new SloWindows(List.of(M5)));
        Map<SloQueries.PlannedQuery, List<Sample>> answers = new HashMap<>();
        answers.put(at(plan, M5), List.of(
                sample(0.002, "sloth_id", "k8s-apiserver-requests-availability", "sloth_window", "5m"),
                sample(Double.NaN, "sloth_id", "k8s-apiserver-requests-latency"),
                sample(Double.POSITIVE_INFINITY, "sloth_id", "web-a"),
                sample(0.1, "sloth_id", "web-b", "replica", "1"),
                sample(0.1, "sloth_id", "web-b", "replica", "2"),
                sample(0.9, "sloth_id", "not-planned")));
        Map<String, WindowRatios> read = plan.read(answers);
        EventCounts availability = read.get("k8s-apiserver-requests-availability").over(M5);
        assertEquals(0.002, availability.errorRatio(), 1e-12);
        assertFalse(availability.counted(), "Sloth records ratios, not events");
        assertFalse(read.get("k8s-apiserver-requests-latency").over(M5).hasData());
        assertEquals(List.of("5m: the ratio is NaN (no events in the window)",
                "30d: the query failed or was not run"), read.get("k8s-apiserver-requests-latency").problems());
        assertFalse(read.get("web-a").over(M5).hasData());
        assertEquals("5m: the ratio is +Inf (errors counted without total events)", read.get("web-a").problems().get(0));
        assertFalse(read.get("web-b").over(M5).hasData());
        assertTrue(read.get("web-b").problems().get(0).startsWith("5m: 2 series for one SLO"), read.get("web-b").problems().toString());
        assertFalse(read.get("k8s-apiserver-requests-availability").over(D30).hasData(), "the 30d query was not answered");
        assertEquals(Set.of("k8s-apiserver-requests-availability", "k8s-apiserver-requests-latency", "web-a", "web-b"),
                read.keySet());
    }

    @Test
    void read_raw_eventsAreRateTimesWindow_andAnEmptyAnswerIsNoData() {
        SloDefinition d = definition("api", "availability",
                Sli.badOverTotal("sum(rate(errors[{{.window}}]))", "sum(rate(requests[{{.window}}]))"));
        SloDefinition quiet = definition("api", "quiet",
                Sli.badOverTotal("sum(rate(errors[{{.window}}]))", "sum(rate(requests[{{.window}}]))"));
        SloQueries plan = SloQueries.raw(List.of(d, quiet), new SloWindows(List.of(M5)));
        Map<SloQueries.PlannedQuery, List<Sample>> answers = new HashMap<>();
        answers.put(at(plan, M5), List.of(sample(0.01, "warroom_slo", "api-availability"),
                sample(2.0, "warroom_events", "api-availability")));
        answers.put(at(plan, D30), List.of(sample(0.0005, "warroom_slo", "api-availability"),
                sample(2.0, "warroom_events", "api-availability")));
        Map<String, WindowRatios> read = plan.read(answers);
        EventCounts five = read.get("api-availability").over(M5);
        assertEquals(600.0, five.total(), 1e-9, "2 requests/s for 300 s");
        assertEquals(6.0, five.bad(), 1e-9);
        assertTrue(five.counted());
        assertEquals(EventCounts.NO_DATA, read.get("api-quiet").over(M5));
        assertTrue(read.get("api-quiet").problems().get(0).startsWith("5m: no series came back"));
    }

    @Test
    void read_feedsThePolicyEvaluator() {
        SloDefinition d = definition("api", "availability",
                Sli.badOverTotal("sum(rate(errors[{{.window}}]))", "sum(rate(requests[{{.window}}]))"));
        SloQueries plan = SloQueries.raw(List.of(d), SloWindows.of(AlertPolicy.sreWorkbook()));
        Map<SloQueries.PlannedQuery, List<Sample>> answers = new HashMap<>();
        for (SloQueries.PlannedQuery q : plan.queries()) {
            double ratio = q.window().compareTo(Duration.ofHours(1)) <= 0 ? 0.05 : 0.0001;
            answers.put(q, List.of(sample(ratio, "warroom_slo", "api-availability"), sample(10, "warroom_events", "api-availability")));
        }
        Decision decision = PolicyEvaluator.evaluate(d.slo(), AlertPolicy.sreWorkbook(), plan.read(answers).get("api-availability"));
        assertEquals(Decision.State.PAGE, decision.state(), decision.explanation());
        answers.remove(at(plan, M5));
        Decision blind = PolicyEvaluator.evaluate(d.slo(), AlertPolicy.sreWorkbook(), plan.read(answers).get("api-availability"));
        assertEquals(Decision.State.NO_DATA, blind.state(), blind.explanation());
    }

    private static List<SloDefinition> many(int n) {
        List<SloDefinition> defs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            defs.add(definition("service-" + i, "requests-availability",
                    Sli.badOverTotal("sum(rate(http_requests_total{job=\"service-" + i + "\",code=~\"5..\"}[{{.window}}]))",
                            "sum(rate(http_requests_total{job=\"service-" + i + "\"}[{{.window}}]))")));
        }
        return defs;
    }

    @Test
    void requestsPerPoll_growWithWindowsNotSlos() {
        List<SloDefinition> defs = many(200);
        assertEquals(8, SloQueries.slothRules(defs, SloWindows.sloth()).queries().size());
        SloQueries raw = SloQueries.raw(defs, SloWindows.sloth());
        int cap = SloQueries.DEFAULT_MAX_BODY_BYTES;
        for (SloQueries.PlannedQuery q : raw.queries()) {
            assertTrue(SloQueries.bodyBytes(q.promql()) <= cap, q.window() + " " + SloQueries.bodyBytes(q.promql()));
        }
        long total = raw.queries().stream().mapToInt(q -> SloQueries.bodyBytes(q.promql())).sum();
        long perWindow = raw.queries().size() / 8;
        assertEquals(0, raw.queries().size() % 8, "every window is split alike");
        assertTrue(perWindow > 1 && perWindow <= Math.ceil((double) total / 8 / (cap - 2000)) + 1,
                raw.queries().size() + " queries for " + total + " bytes");
        assertEquals(200 * 8, raw.queries().stream().mapToInt(q -> q.slothIds().size()).sum(), "each SLO once per window");
        assertEquals(8, SloQueries.raw(many(5), SloWindows.sloth()).queries().size());
    }

    @Test
    void ruleBatches_areFullAndFitTheCap_whateverTheIds() {
        // ids with characters that are escaped for the regex, the PromQL string and the URL, some of them two UTF-8 bytes
        List<SloDefinition> defs = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            String odd = i % 3 == 0 ? "a.b|c\\\"q\"-" : i % 3 == 1 ? "zürich ß-" : "plain-";
            defs.add(definition(odd + i, "availability", Sli.errorRatio("x")));
        }
        int cap = 1500;
        SloQueries plan = SloQueries.plan(defs, SloWindows.sloth(), Set.copyOf(defs.stream().map(SloDefinition::slothId).toList()), cap);
        for (Duration w : plan.queries().stream().map(SloQueries.PlannedQuery::window).distinct().toList()) {
            List<SloQueries.PlannedQuery> batches = plan.queries().stream().filter(q -> q.window().equals(w)).toList();
            List<String> ids = new ArrayList<>();
            for (int b = 0; b < batches.size(); b++) {
                SloQueries.PlannedQuery q = batches.get(b);
                ids.addAll(q.slothIds());
                assertTrue(SloQueries.bodyBytes(q.promql()) <= cap, q.promql());
                if (b + 1 < batches.size()) {
                    // one more id would not have fitted: the batch is as full as the cap allows
                    List<String> more = new ArrayList<>(q.slothIds());
                    more.add(batches.get(b + 1).slothIds().get(0));
                    String bigger = SloQueries.plan(more.stream().map(id -> defs.stream()
                            .filter(d -> d.slothId().equals(id)).findFirst().orElseThrow()).toList(), SloWindows.sloth(),
                            Set.copyOf(more), 1 << 20).queries().stream().filter(x -> x.window().equals(w)).findFirst()
                            .orElseThrow().promql();
                    assertTrue(SloQueries.bodyBytes(bigger) > cap, bigger);
                }
            }
            assertEquals(defs.stream().map(SloDefinition::slothId).toList(), ids, "every SLO once, in order");
        }
    }

    @Test
    void slothRecorded_needsEveryWindowOfTheSlo() {
        List<Sample> discovery = new ArrayList<>();
        for (String w : List.of("5m", "30m", "1h", "2h", "6h", "1d", "3d", "30d")) {
            discovery.add(sample(1, "sloth_id", "k8s-apiserver-requests-availability", "sloth_window", w));
            if (!w.equals("30d")) {
                discovery.add(sample(1, "sloth_id", "k8s-apiserver-requests-latency", "sloth_window", w));
            }
        }
        assertEquals(Set.of("k8s-apiserver-requests-availability"), SloQueries.slothRecorded(discovery, K8S, SloWindows.sloth()));
    }

    @Test
    void isRateOverWindow_onlyForOneRateOverTheWindow() {
        assertTrue(SloQueries.isRateOverWindow("sum(rate(x{code=~\"(5..|429)\"}[{{.window}}]))"));
        assertTrue(SloQueries.isRateOverWindow("sum by (code) (rate(x[{{.window}}]))"));
        assertFalse(SloQueries.isRateOverWindow("sum(rate(x[5m]))"));
        assertFalse(SloQueries.isRateOverWindow("sum(rate(x[{{.window}}])) / 2"));
        assertFalse(SloQueries.isRateOverWindow("sum_over_time((count(x))[{{.window}}:])"));
    }
}
