package dev.warroom.bench;

import com.sun.net.httpserver.HttpServer;
import dev.warroom.metrics.PollSettings;
import dev.warroom.metrics.PrometheusSource;
import dev.warroom.metrics.SloMonitor;
import dev.warroom.metrics.SloQueries;
import dev.warroom.metrics.SourceConfig;
import dev.warroom.slo.AlertPolicy;
import dev.warroom.slo.spec.SloDefinition;
import dev.warroom.slo.spec.SloSpecs;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * One poll cycle of 200 SLOs x 8 windows against a real Prometheus (Debian's {@code /usr/bin/prometheus}
 * on a free loopback port, scraping a synthetic {@code /metrics} of 200 services every second), with
 * and without Sloth's recording rules, against a bare loop of the same HTTP requests at the same
 * concurrency that only reads the bodies. The monitor's cycle adds planning, JSON parsing, the
 * policy's evaluation and the freshness bookkeeping; the target is that this costs at most 15% over
 * the bare requests, and a cycle stays under a second.
 *
 * <pre>java -cp CLASSPATH dev.warroom.bench.PollCycleBench [CYCLES [rules|raw]]   (default 30, both plans)</pre>
 *
 * <p>Naming one plan lets a profile show that plan's costs alone.
 */
public final class PollCycleBench {
    static final int SLOS = 200;
    static final int CONCURRENCY = PollSettings.defaults().maxInFlight();
    static final List<String> WINDOWS = List.of("5m", "30m", "1h", "2h", "6h", "1d", "3d", "30d");
    static final double TARGET_RATIO = 1.15;

    private PollCycleBench() {
    }

    public static void main(String[] args) throws Exception {
        int cycles = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        String only = args.length > 1 ? args[1] : "both";
        if (!List.of("both", "rules", "raw").contains(only)) {
            throw new IllegalArgumentException("plan must be rules or raw, not " + only);
        }
        Path binary = Path.of("/usr/bin/prometheus");
        if (!Files.isExecutable(binary)) {
            System.out.println("== Poll cycle: skipped, " + binary + " is not installed (apt-get install prometheus)");
            return;
        }
        Path dir = Files.createTempDirectory("warroom-poll-bench");
        HttpServer metrics = metricsEndpoint();
        Process prometheus = null;
        try {
            int port = freePort();
            Files.writeString(dir.resolve("prometheus.yml"), """
                    global:
                      scrape_interval: 1s
                      scrape_timeout: 1s
                      evaluation_interval: 5s
                    rule_files: ['rules.yml']
                    scrape_configs:
                      - job_name: synthetic
                        static_configs:
                          - targets: ['127.0.0.1:%d']
                    """.formatted(metrics.getAddress().getPort()));
            Files.writeString(dir.resolve("rules.yml"), rules());
            List<String> command = new ArrayList<>(List.of(binary.toString(), "--config.file=" + dir.resolve("prometheus.yml"),
                    "--storage.tsdb.path=" + dir.resolve("tsdb"), "--web.listen-address=127.0.0.1:" + port));
            String pinned = pinToLastCpu(command);
            prometheus = new ProcessBuilder(command)
                    .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
            String url = "http://127.0.0.1:" + port;
            awaitRules(url);

            System.out.println();
            System.out.println("== Poll cycle: " + SLOS + " SLOs x " + WINDOWS.size() + " windows against Prometheus "
                    + "(real, loopback), " + CONCURRENCY + " requests in flight, " + cycles + " cycles each; " + pinned);
            System.out.println(String.format(Locale.ROOT, "%-28s %9s %10s %10s %8s %10s", "plan", "requests",
                    "monitor ms", "bare ms", "paired", "p90 mon."));
            for (boolean rules : new boolean[] {true, false}) {
                if (only.equals("both") || only.equals("rules") == rules) {
                    run(url, rules, cycles);
                }
            }
        } finally {
            if (prometheus != null) {
                prometheus.destroy();
                prometheus.waitFor();
            }
            metrics.stop(0);
            ColdStartBench.deleteTree(dir);
        }
    }

    private static void run(String url, boolean rules, int cycles) throws Exception {
        // the rules carry sloth_id svc-NNN-availability; other service names have no rules and are queried raw
        List<SloDefinition> definitions = SloSpecs.read(spec(rules ? "svc" : "raw"), "bench.yml");
        try (PrometheusSource source = new PrometheusSource(SourceConfig.of("prom", url))) {
            SloMonitor monitor = new SloMonitor(source, definitions, AlertPolicy.sreWorkbook(), PollSettings.defaults(),
                    Clock.systemUTC(), s -> { });
            try {
                monitor.pollOnce(Instant.now());
                if (monitor.usesRecordingRules() != rules) {
                    throw new IllegalStateException("expected recording rules " + rules + " but the plan says "
                            + monitor.usesRecordingRules());
                }
                List<String> queries = plannedQueries(monitor);
                OkHttpClient client = new OkHttpClient();
                ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
                List<Double> monitorMs = new ArrayList<>();
                List<Double> bareMs = new ArrayList<>();
                try {
                    for (int i = 0; i < 30; i++) { // warm-up: both paths JIT-compiled before timing
                        monitor.pollOnce(Instant.now());
                        bare(client, pool, url, queries, Instant.now());
                    }
                    for (int i = 0; i < cycles; i++) {
                        // alternate which goes first so drift in Prometheus' load falls on both
                        Instant at = Instant.now();
                        if (i % 2 == 0) {
                            monitorMs.add(timed(() -> monitor.pollOnce(at)));
                            bareMs.add(timed(() -> bare(client, pool, url, queries, at)));
                        } else {
                            bareMs.add(timed(() -> bare(client, pool, url, queries, at)));
                            monitorMs.add(timed(() -> monitor.pollOnce(at)));
                        }
                    }
                } finally {
                    pool.shutdownNow();
                    client.dispatcher().executorService().shutdown();
                    client.connectionPool().evictAll();
                }
                double m = ColdStartBench.percentile(monitorMs, 50);
                double b = ColdStartBench.percentile(bareMs, 50);
                // each cycle's monitor poll against the bare loop run right beside it: Prometheus' own rule
                // evaluations and the other core's load land on both halves of a pair, not on one median
                List<Double> paired = new ArrayList<>();
                for (int i = 0; i < monitorMs.size(); i++) {
                    paired.add(monitorMs.get(i) / bareMs.get(i));
                }
                double ratio = ColdStartBench.percentile(paired, 50);
                boolean stale = monitor.statuses().stream().anyMatch(s -> s.freshness().isStale());
                System.out.println(String.format(Locale.ROOT, "%-28s %9d %10.1f %10.1f %7.2fx %10.1f%s",
                        rules ? "Sloth recording rules" : "own queries, batched", queries.size(), m, b,
                        ratio, ColdStartBench.percentile(monitorMs, 90),
                        stale ? "   (some SLOs stale: " + monitor.statuses().stream().filter(s -> s.freshness().isStale())
                                .findFirst().map(s -> s.freshness().staleReason()).orElse("") + ")" : ""));
                System.out.println(String.format(Locale.ROOT,
                        "  ratio of medians %.2fx; median of paired ratios %.2fx (p25 %.2fx, p75 %.2fx); target <= %.2fx"
                                + " and < 1000 ms: %s", m / b, ratio, ColdStartBench.percentile(paired, 25),
                        ColdStartBench.percentile(paired, 75), TARGET_RATIO,
                        ratio <= TARGET_RATIO && m < 1000 ? "met" : "MISSED"));
            } finally {
                monitor.close();
            }
        }
    }

    /** The exact PromQL the monitor sends each cycle (its plan is private: read it as a caller would see it). */
    private static List<String> plannedQueries(SloMonitor monitor) throws ReflectiveOperationException {
        Field f = SloMonitor.class.getDeclaredField("plan");
        f.setAccessible(true);
        SloQueries plan = (SloQueries) f.get(monitor);
        return plan.queries().stream().map(SloQueries.PlannedQuery::promql).toList();
    }

    /** The same requests, in flight {@link #CONCURRENCY} at a time, bodies read and dropped. */
    private static void bare(OkHttpClient client, ExecutorService pool, String url, List<String> queries, Instant at) {
        List<Future<?>> inFlight = new ArrayList<>();
        String time = String.format(Locale.ROOT, "%.3f", at.toEpochMilli() / 1000.0);
        for (String q : queries) {
            inFlight.add(pool.submit(() -> {
                Request request = new Request.Builder().url(url + "/api/v1/query")
                        .post(new FormBody.Builder().add("query", q).add("time", time).add("timeout", "10").build()).build();
                try (Response r = client.newCall(request).execute()) {
                    r.body().bytes();
                }
                return null;
            }));
        }
        for (Future<?> f : inFlight) {
            try {
                f.get();
            } catch (Exception e) {
                throw new IllegalStateException("bare request failed", e);
            }
        }
    }

    private static double timed(Runnable r) {
        long t0 = System.nanoTime();
        r.run();
        return (System.nanoTime() - t0) / 1e6;
    }

    static String spec(String prefix) {
        StringBuilder spec = new StringBuilder();
        for (int i = 0; i < SLOS; i++) {
            String svc = String.format(Locale.ROOT, "svc-%03d", i);
            String service = prefix.equals("svc") ? svc : prefix + "-" + svc;
            spec.append("---\nversion: \"prometheus/v1\"\nservice: \"").append(service).append("\"\nslos:\n")
                    .append("  - name: \"availability\"\n    objective: 99.9\n    sli:\n      events:\n")
                    .append("        error_query: sum(rate(bench_bad_requests_total{service=\"").append(svc)
                    .append("\"}[{{.window}}]))\n")
                    .append("        total_query: sum(rate(bench_requests_total{service=\"").append(svc)
                    .append("\"}[{{.window}}]))\n    alerting:\n      name: Burn\n");
        }
        return spec.toString();
    }

    static String rules() {
        StringBuilder rules = new StringBuilder("groups:\n");
        for (int i = 0; i < SLOS; i++) {
            String svc = String.format(Locale.ROOT, "svc-%03d", i);
            rules.append("  - name: sloth-slo-sli-recordings-").append(svc).append("-availability\n    rules:\n");
            for (String w : WINDOWS) {
                rules.append("      - record: slo:sli_error:ratio_rate").append(w).append('\n')
                        .append("        expr: (sum(rate(bench_bad_requests_total{service=\"").append(svc).append("\"}[")
                        .append(w).append("]))) / (sum(rate(bench_requests_total{service=\"").append(svc).append("\"}[")
                        .append(w).append("])))\n")
                        .append("        labels: {sloth_id: ").append(svc).append("-availability, sloth_service: ")
                        .append(svc).append(", sloth_slo: availability, sloth_window: ").append(w).append("}\n");
            }
        }
        return rules.toString();
    }

    /** 200 services' request and error counters that grow with wall time, as a scrape target. */
    private static HttpServer metricsEndpoint() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        long start = System.currentTimeMillis();
        server.createContext("/metrics", exchange -> {
            double seconds = (System.currentTimeMillis() - start) / 1000.0;
            StringBuilder body = new StringBuilder("# TYPE bench_requests_total counter\n");
            for (int i = 0; i < SLOS; i++) {
                body.append(String.format(Locale.ROOT, "bench_requests_total{service=\"svc-%03d\"} %d%n", i,
                        (long) (seconds * (10 + i))));
            }
            body.append("# TYPE bench_bad_requests_total counter\n");
            for (int i = 0; i < SLOS; i++) {
                body.append(String.format(Locale.ROOT, "bench_bad_requests_total{service=\"svc-%03d\"} %d%n", i,
                        (long) (seconds * (10 + i) * (i % 10) / 1000.0)));
            }
            byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        return server;
    }

    /** Waits until the rules have recorded every SLO's 30d ratio (they need two scrapes and an evaluation). */
    private static void awaitRules(String url) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(90);
        String query = url + "/api/v1/query?query=" + java.net.URLEncoder.encode("count(slo:sli_error:ratio_rate30d)",
                StandardCharsets.UTF_8);
        while (Instant.now().isBefore(deadline)) {
            try {
                String body = http.send(HttpRequest.newBuilder(URI.create(query)).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                if (body.contains("\"" + SLOS + "\"")) {
                    return;
                }
            } catch (IOException notUpYet) {
                // Prometheus is still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Prometheus did not record the " + SLOS + " SLOs' rules within 90 s");
    }

    /**
     * The server under test is not what is measured: where {@code taskset} exists and there are two or
     * more CPUs, Prometheus (its scrapes and 1,600 rule evaluations) runs on the last CPU only, so its
     * bursts do not land on the client half of one pair of a poll and its bare loop but not the other.
     */
    private static String pinToLastCpu(List<String> command) {
        int cpus = Runtime.getRuntime().availableProcessors();
        if (cpus < 2 || !Files.isExecutable(Path.of("/usr/bin/taskset"))) {
            return "Prometheus shares the CPUs with the client";
        }
        command.addAll(0, List.of("/usr/bin/taskset", "-c", String.valueOf(cpus - 1)));
        return "Prometheus pinned to CPU " + (cpus - 1) + " of " + cpus;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
