package dev.warroom.slo.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.slo.Sli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SloSpecsTest {
    static final Path SPECS = Path.of("src/test/resources/specs");

    static Stream<Path> slothFiles() throws IOException {
        try (Stream<Path> files = Files.list(SPECS.resolve("sloth"))) {
            return files.filter(p -> p.toString().endsWith(".yml")).sorted().toList().stream();
        }
    }

    private static SloDefinition named(List<SloDefinition> defs, String slothId) {
        return defs.stream().filter(d -> d.slothId().equals(slothId)).findFirst()
                .orElseThrow(() -> new AssertionError(slothId + " not in " + defs.stream().map(SloDefinition::slothId).toList()));
    }

    @ParameterizedTest
    @MethodSource("slothFiles")
    void read_importsEverySlothExample(Path file) {
        List<SloDefinition> defs = SloSpecs.read(file);
        assertFalse(defs.isEmpty(), file.toString());
        for (SloDefinition d : defs) {
            assertTrue(d.slo().sli().eventsQuery().contains(SloSpecs.WINDOW), d.slothId());
            assertTrue(d.origin().startsWith(file + ":"), d.origin());
            assertEquals(d.slo().service() + "-" + d.name(), d.slothId());
        }
    }

    @Test
    void read_slothGettingStarted_objectivePeriodQueriesLabels() {
        SloDefinition d = SloSpecs.read(SPECS.resolve("sloth/getting-started.yml")).get(0);
        assertEquals("requests-availability", d.name());
        assertEquals("myservice", d.slo().service());
        assertEquals("myservice-requests-availability", d.slothId());
        assertEquals(0.999, d.slo().objective());
        assertEquals(0.001, d.slo().errorBudget());
        assertEquals(Duration.ofDays(30), d.slo().period());
        assertEquals(Sli.Kind.BAD_OVER_TOTAL, d.slo().sli().kind());
        assertEquals("sum(rate(http_request_duration_seconds_count{job=\"myservice\",code=~\"(5..|429)\"}[{{.window}}]))",
                d.slo().sli().eventsQuery());
        assertEquals("sum(rate(http_request_duration_seconds_count{job=\"myservice\"}[{{.window}}]))",
                d.slo().sli().totalQuery());
        assertEquals(Map.of("owner", "myteam", "repo", "myorg/myservice", "tier", "2"), d.labels());
        assertNull(d.runbookUrl());
        assertEquals(SPECS.resolve("sloth/getting-started.yml") + ":9", d.origin());
    }

    @Test
    void read_kubernetesApiserver_mergesLabelsAndFindsTheRunbookAnnotation() {
        List<SloDefinition> defs = SloSpecs.read(SPECS.resolve("sloth/kubernetes-apiserver.yml"));
        assertEquals(List.of("k8s-apiserver-requests-availability", "k8s-apiserver-requests-latency"),
                defs.stream().map(SloDefinition::slothId).toList());
        SloDefinition latency = defs.get(1);
        assertEquals(0.99, latency.slo().objective());
        assertEquals("latency", latency.labels().get("category"));
        assertEquals("valhalla", latency.labels().get("cluster"));
        assertEquals("https://github.com/kubernetes-monitoring/kubernetes-mixin/tree/master/runbook.md#alert-name-kubeapilatencyhigh",
                latency.runbookUrl());
        assertTrue(latency.slo().sli().eventsQuery().startsWith("(\n  sum(rate(apiserver_request_duration_seconds_count"),
                latency.slo().sli().eventsQuery());
    }

    @Test
    void read_multifile_readsEveryDocumentWithItsOwnLines() {
        List<SloDefinition> defs = SloSpecs.read(SPECS.resolve("sloth/multifile.yml"));
        assertEquals(List.of("myservice-requests-availability", "myservice2-requests-availability"),
                defs.stream().map(SloDefinition::slothId).toList());
        assertEquals(0.9999, defs.get(1).slo().objective());
        assertTrue(defs.get(1).origin().endsWith(":42"), defs.get(1).origin());
    }

    @Test
    void read_rawSli_isAnErrorRatioQuery() {
        SloDefinition d = SloSpecs.read(SPECS.resolve("sloth/raw-home-wifi.yml")).get(0);
        assertEquals(Sli.Kind.ERROR_RATIO, d.slo().sli().kind());
        assertNull(d.slo().sli().totalQuery());
        assertEquals(0.95, d.slo().objective());
        assertTrue(d.slo().sli().eventsQuery().startsWith("1 - ("), d.slo().sli().eventsQuery());
    }

    @Test
    void read_kubernetesResource_readsCamelCaseSpec() {
        SloDefinition d = SloSpecs.read(SPECS.resolve("sloth/k8s-getting-started.yml")).get(0);
        assertEquals("myservice-requests-availability", d.slothId());
        assertEquals("sum(rate(http_request_duration_seconds_count{job=\"myservice\"}[{{.window}}]))", d.slo().sli().totalQuery());
    }

    @Test
    void read_openSloV1Alpha_namesEachObjectiveAsSlothDoes() {
        List<SloDefinition> defs = SloSpecs.read(SPECS.resolve("sloth/openslo-kubernetes-apiserver.yml"));
        assertEquals(List.of("k8s-apiserver-requests-availability-openslo-0", "k8s-apiserver-requests-latency-openslo-0",
                "k8s-apiserver-requests-latency-openslo-1"), defs.stream().map(SloDefinition::slothId).toList());
        SloDefinition fast = defs.get(2);
        assertEquals(0.999, fast.slo().objective());
        assertEquals(Sli.Kind.GOOD_OVER_TOTAL, fast.slo().sli().kind());
        assertEquals("sum(rate(apiserver_request_duration_seconds_bucket{le=\"5\",verb!=\"WATCH\"}[{{.window}}]))",
                fast.slo().sli().eventsQuery());
        assertEquals(Duration.ofDays(30), fast.slo().period());
    }

    @Test
    void read_alertWindows_areNotSlos() {
        assertEquals(List.of(), SloSpecs.read(SPECS.resolve("sloth/windows/google-28d.yaml")));
    }

    @Test
    void read_openSloV1PrometheusRatio_wrapsCountersAndResolvesIndicatorRef() {
        List<SloDefinition> defs = SloSpecs.read(SPECS.resolve("own/openslo-v1-checkout.yaml"));
        assertEquals(List.of("checkout-checkout-availability-0", "checkout-checkout-latency-0"),
                defs.stream().map(SloDefinition::slothId).toList());
        SloDefinition availability = defs.get(0);
        assertEquals("sum(rate(http_requests_total{job=\"checkout\",code=~\"5..\"}[{{.window}}]))",
                availability.slo().sli().eventsQuery());
        assertEquals("sum(rate(http_requests_total{job=\"checkout\"}[{{.window}}]))", availability.slo().sli().totalQuery());
        assertEquals("https://runbooks.example.com/checkout/error-budget", availability.runbookUrl());
        assertEquals(Duration.ofDays(30), availability.slo().period());
        SloDefinition latency = defs.get(1);
        assertEquals(Sli.Kind.GOOD_OVER_TOTAL, latency.slo().sli().kind());
        assertEquals(0.99, latency.slo().objective());
        assertEquals(Duration.ofDays(28), latency.slo().period());
    }

    @Test
    void read_warroomFormat() {
        List<SloDefinition> defs = SloSpecs.read(SPECS.resolve("warroom/checkout.yml"));
        assertEquals(3, defs.size());
        SloDefinition availability = defs.get(0);
        assertEquals(0.999, availability.slo().objective());
        assertEquals(Duration.ofDays(28), availability.slo().period());
        assertEquals("https://runbooks.example.com/checkout/availability", availability.runbookUrl());
        assertEquals(Map.of("team", "payments"), availability.labels());
        assertEquals("sum(rate(http_request_duration_seconds_bucket{job=\"checkout\",le=\"0.3\"}[{{.window}}]))",
                defs.get(1).slo().sli().eventsQuery(), "{{ .window }} is spelled canonically");
        assertEquals(Sli.Kind.ERROR_RATIO, defs.get(2).slo().sli().kind());
        assertEquals(0.99, defs.get(2).slo().objective());
    }

    private static SloSpecException.Problem onlyProblem(Path file) {
        SloSpecException e = assertThrows(SloSpecException.class, () -> SloSpecs.read(file));
        assertEquals(1, e.problems().size(), e.getMessage());
        return e.problems().get(0);
    }

    @Test
    void read_openSloTimeslices_isRefusedNamingTheField() {
        SloSpecException.Problem p = onlyProblem(SPECS.resolve("openslo/budgeting-method_timeslices-slo.yaml"));
        assertEquals("unsupported: spec.budgetingMethod Timeslices: Warroom budgets occurrences (bad events over all"
                + " events); a Timeslices SLO counts good time slices, which burn rates of event ratios do not measure"
                + " (use Occurrences)", p.message());
        assertEquals("spec.budgetingMethod", p.field());
        assertEquals(32, p.line());
        assertEquals(onlyProblem(SPECS.resolve("openslo/treat-low-traffic-as-equally-important_timeslices-slo.yaml")).message(),
                p.message());
    }

    @Test
    void read_openSloRatioTimeslices_isRefusedNamingTheField() {
        SloSpecException.Problem p = onlyProblem(SPECS.resolve("openslo/budgeting-method_ratio-timeslices.yaml"));
        assertTrue(p.message().startsWith("unsupported: spec.budgetingMethod RatioTimeslices: "), p.message());
        assertEquals(29, p.line());
    }

    @Test
    void read_openSloThresholdMetric_isRefusedNamingTheField() {
        SloSpecException.Problem p = onlyProblem(SPECS.resolve("openslo/budgeting-method_occurences-slo.yaml"));
        assertEquals("unsupported: spec.indicator.spec.thresholdMetric: a threshold SLI compares one metric with"
                + " objectives[].op and value; Warroom reads ratio SLIs only (ratioMetric: good or bad over total)", p.message());
        assertEquals(15, p.line());
        assertTrue(new SloSpecException(List.of(p)).getMessage().startsWith(
                SPECS.resolve("openslo/budgeting-method_occurences-slo.yaml") + ":15: unsupported: "));
    }

    private static String openSlo(String budgeting, String duration, String query, boolean counter, String type) {
        return """
                apiVersion: openslo/v1
                kind: SLO
                metadata:
                  name: api
                spec:
                  service: api
                  budgetingMethod: %s
                  timeWindow:
                    - duration: %s
                      isRolling: true
                  indicator:
                    metadata:
                      name: api-errors
                    spec:
                      ratioMetric:
                        counter: %s
                        bad:
                          metricSource:
                            type: %s
                            spec:
                              query: '%s'
                        total:
                          metricSource:
                            type: Prometheus
                            spec:
                              query: http_requests_total
                  objectives:
                    - target: 0.99
                """.formatted(budgeting, duration, counter, type, query);
    }

    private static SloSpecException.Problem problemIn(String text) {
        SloSpecException e = assertThrows(SloSpecException.class, () -> SloSpecs.read(text, "api.yaml"));
        assertEquals(1, e.problems().size(), e.getMessage());
        return e.problems().get(0);
    }

    @Test
    void read_openSloCounterQueries_onlySimpleShapesAreWindowed() {
        String byCode = SloSpecs.read(openSlo("Occurrences", "28d", "sum by (code) (http_requests_total{code=~\"5..\"})",
                true, "Prometheus"), "api.yaml").get(0).slo().sli().eventsQuery();
        assertEquals("sum by (code) (rate(http_requests_total{code=~\"5..\"}[{{.window}}]))", byCode);
        SloSpecException.Problem p = problemIn(openSlo("Occurrences", "28d", "sum(http_requests_total) / 2", true, "Prometheus"));
        assertEquals("spec.indicator.spec.ratioMetric.bad.metricSource.spec.query", p.field());
        assertTrue(p.message().startsWith("unsupported: spec.indicator.spec.ratioMetric.bad.metricSource.spec.query"
                + " `sum(http_requests_total) / 2`: with counter: true Warroom puts the counter into rate("), p.message());
        assertEquals(21, p.line());
        SloSpecException.Problem gauge = problemIn(openSlo("Occurrences", "28d", "errors", false, "Prometheus"));
        assertTrue(gauge.message().startsWith("unsupported: spec.indicator.spec.ratioMetric.bad.metricSource.spec.query:"
                + " without counter: true"), gauge.message());
    }

    @Test
    void read_openSloWindowsAndSources_refusedWithTheField() {
        assertEquals("unsupported: spec.timeWindow[0].duration 1M: months, quarters and years vary in length and the"
                        + " budget maths needs an exact period; write it in days or weeks (e.g. 30d, 4w)",
                problemIn(openSlo("Occurrences", "1M", "errors", true, "Prometheus")).message());
        assertEquals("unsupported: spec.indicator.spec.ratioMetric.bad.metricSource.type Datadog: Warroom queries"
                        + " Prometheus only (type: Prometheus)",
                problemIn(openSlo("Occurrences", "28d", "errors", true, "Datadog")).message());
        assertEquals(Duration.ofMinutes(90), SloSpecs.read(openSlo("Occurrences", "90m", "errors", true, "Prometheus"),
                "api.yaml").get(0).slo().period());
    }

    @Test
    void read_slothPlugin_isUnsupported() {
        String text = """
                version: "prometheus/v1"
                service: "api"
                slos:
                  - name: "availability"
                    objective: 99.9
                    sli:
                      plugin:
                        id: "sloth-common/kubernetes/apiserver/availability"
                """;
        SloSpecException.Problem p = problemIn(text);
        assertEquals("slos[0].sli.plugin", p.field());
        assertEquals(7, p.line());
        assertTrue(p.message().startsWith("unsupported: slos[0].sli.plugin (sloth-common/kubernetes/apiserver/availability): "),
                p.message());
    }

    @Test
    void read_badDocuments_eachGiveAProblemWithTheirOwnLine() {
        String text = """
                version: "prometheus/v1"
                service: "api"
                slos:
                  - name: "availability"
                    objective: 99.9
                    sli:
                      events:
                        error_query: sum(rate(errors[5m]))
                        total_query: sum(rate(requests[{{.window}}]))
                ---
                version: "prometheus/v1"
                service: "web"
                slos:
                  - name: "availability"
                    objective: "high"
                    sli:
                      raw:
                        error_ratio_query: x[{{.window}}]
                """;
        SloSpecException e = assertThrows(SloSpecException.class, () -> SloSpecs.read(text, "two.yml"));
        assertEquals(2, e.problems().size(), e.getMessage());
        assertEquals("two.yml:8: slos[0].sli.events.error_query: must contain {{.window}} where the window goes,"
                + " e.g. rate(http_requests_total[{{.window}}])", e.problems().get(0).toString());
        assertEquals("two.yml:15: slos[0].objective: must be a number, got 'high'", e.problems().get(1).toString());
    }

    @Test
    void readAll_duplicateIdsAcrossFiles_nameBothPlaces(@TempDir Path dir) throws IOException {
        Path a = Files.copy(SPECS.resolve("sloth/getting-started.yml"), dir.resolve("a.yml"));
        Path b = Files.copy(SPECS.resolve("sloth/multifile.yml"), dir.resolve("b.yml"));
        SloSpecException e = assertThrows(SloSpecException.class, () -> SloSpecs.readAll(List.of(a, b)));
        assertEquals(1, e.problems().size(), e.getMessage());
        assertEquals(b + ":10: SLO requests-availability of service myservice (id myservice-requests-availability) is"
                + " already defined at " + a + ":9; ids must be unique across all files", e.problems().get(0).toString());
        SloSpecs.Loaded loaded = SloSpecs.load(List.of(a, b));
        assertEquals(List.of("myservice-requests-availability", "myservice2-requests-availability"),
                loaded.definitions().stream().map(SloDefinition::slothId).toList(), "the rest still loads");
    }

    @Test
    void read_objectiveOfOneHundredPercent_leavesNoBudget() {
        String text = """
                warroom: slo/v1
                name: a
                service: s
                objective: 100%
                period: 30d
                error_ratio_query: x[{{.window}}]
                """;
        assertEquals("w.yml:4: objective: 100% leaves no error budget (every failed event breaches it); an objective"
                + " must be below 100%", problemIn(text).toString().replace("api.yaml", "w.yml"));
    }

    @Test
    void read_notAnSloSpec_saysWhatIsExpected() {
        SloSpecException.Problem p = problemIn("groups:\n  - name: x\n");
        assertEquals(1, p.line());
        assertTrue(p.message().startsWith("not an SLO spec: expected version: prometheus/v1 (Sloth)"), p.message());
    }
}
