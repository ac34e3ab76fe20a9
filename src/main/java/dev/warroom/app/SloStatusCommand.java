package dev.warroom.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.warroom.metrics.GrafanaSource;
import dev.warroom.metrics.MetricsSource;
import dev.warroom.metrics.SloMonitor;
import dev.warroom.metrics.SloWindows;
import dev.warroom.slo.AlertPolicy;
import dev.warroom.slo.Decision;
import dev.warroom.slo.EventCounts;
import dev.warroom.slo.Slo;
import dev.warroom.slo.SloFormat;
import dev.warroom.slo.spec.SloDefinition;
import dev.warroom.slo.spec.SloSpecs;
import dev.warroom.time.Durations;
import dev.warroom.ui.settings.DataSourceSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code warroom slo status}: every SLO of a spec file evaluated against a live Prometheus (or
 * Prometheus behind Grafana) at one instant, with the same query plan and policy as the console's
 * board, so a person can check on the command line what the tiles say.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Evaluate SLOs against Prometheus (or Grafana) now or at a past instant: per window the error"
                + " ratio and burn rate, the budget remaining, and the policy's decision with its explanation.")
final class SloStatusCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--source", required = true, paramLabel = "URL",
            description = "Prometheus base URL, or Grafana's with --grafana-datasource.")
    String source;

    @Option(names = "--grafana-datasource", paramLabel = "UID",
            description = "Query this Grafana Prometheus data source (through Grafana's data source proxy).")
    String grafanaDatasource;

    @Option(names = "--grafana-mode", paramLabel = "MODE", defaultValue = "proxy",
            description = "proxy (the data source proxy, default) or ds-query (/api/ds/query).")
    String grafanaMode;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "Bearer token (a Grafana service-account token) in a file only its owner can read.")
    Path tokenFile;

    @Option(names = "--ca-file", paramLabel = "FILE", description = "PEM file of the CA to trust for https.")
    Path caFile;

    @Option(names = "--slos", required = true, split = ",", paramLabel = "FILE",
            description = "SLO specs: Sloth prometheus/v1, OpenSLO v1 or Warroom's format (several: repeat or comma-separate).")
    List<Path> slos;

    @Option(names = "--at", paramLabel = "RFC3339",
            description = "Evaluate at this past instant (Prometheus' time parameter), e.g. 2026-11-20T03:00:00Z.")
    String at;

    @Option(names = "--policy", paramLabel = "FILE", description = "Alert policy YAML; default: the SRE Workbook's four pairs.")
    Path policyFile;

    @Option(names = "--json", description = "Print JSON: an array of {slo, windows, budget_remaining, decision, explanation}.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Instant instant = null;
        if (at != null) {
            try {
                instant = Instant.parse(at);
            } catch (DateTimeParseException e) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--at: '" + at + "' is not an RFC3339 instant such as 2026-11-20T03:00:00Z");
            }
        }
        List<SloDefinition> definitions = SloSpecs.readAll(slos);
        if (definitions.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--slos: no SLOs in " + slos);
        }
        AlertPolicy policy = policyFile == null ? AlertPolicy.sreWorkbook() : Settings.readAlertPolicy(policyFile);
        SloMonitor.Evaluation evaluation;
        try (MetricsSource metrics = source()) {
            evaluation = SloMonitor.evaluate(metrics, definitions, policy, instant, java.time.Clock.systemUTC());
        }
        PrintWriter out = spec.commandLine().getOut();
        SloWindows windows = SloWindows.of(policy);
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(rows(evaluation, windows)));
        } else {
            print(out, evaluation, windows);
        }
        return 0;
    }

    /**
     * The source as the console's data source builds it (the same settings type, never saved): one
     * place decides names, credentials and the CA file for both.
     */
    private MetricsSource source() throws java.io.IOException {
        GrafanaSource.Mode mode = null;
        if (grafanaDatasource != null) {
            mode = switch (grafanaMode.toLowerCase(Locale.ROOT)) {
                case "proxy" -> GrafanaSource.Mode.PROXY;
                case "ds-query", "ds_query" -> GrafanaSource.Mode.DS_QUERY;
                default -> throw new CommandLine.ParameterException(spec.commandLine(),
                        "--grafana-mode: '" + grafanaMode + "' is not proxy or ds-query");
            };
        }
        DataSourceSettings settings = new DataSourceSettings(
                grafanaDatasource == null ? DataSourceSettings.Kind.PROMETHEUS : DataSourceSettings.Kind.GRAFANA,
                source, grafanaDatasource, mode,
                tokenFile == null ? DataSourceSettings.Auth.NONE : DataSourceSettings.Auth.BEARER, null, tokenFile,
                caFile, null, slos);
        return settings.openSource(java.time.Clock.systemUTC());
    }

    /** The JSON shape the issue fixes: numbers as numbers, no data as null. */
    static List<Map<String, Object>> rows(SloMonitor.Evaluation evaluation, SloWindows windows) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SloMonitor.Status s : evaluation.statuses()) {
            Slo slo = s.definition().slo();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("slo", s.id());
            List<Map<String, Object>> perWindow = new ArrayList<>();
            for (Duration w : windows.forSlo(slo)) {
                EventCounts counts = s.ratios().over(w);
                Map<String, Object> window = new LinkedHashMap<>();
                window.put("window", SloWindows.promDuration(w));
                window.put("error_ratio", number(counts.errorRatio()));
                window.put("burn_rate", number(slo.burnRate(counts.errorRatio())));
                perWindow.add(window);
            }
            row.put("windows", perWindow);
            row.put("budget_remaining", number(s.decision().budgetRemaining()));
            row.put("decision", s.decision().state().word());
            row.put("severity", s.decision().severity() == null ? null : s.decision().severity().id());
            row.put("explanation", s.decision().explanation());
            row.put("problems", s.ratios().problems());
            rows.add(row);
        }
        return rows;
    }

    private static Object number(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static void print(PrintWriter out, SloMonitor.Evaluation evaluation, SloWindows windows) {
        out.printf(Locale.ROOT, "SLOs at %s (%d requests: the recording-rule lookup and %d queries; %s)%n",
                evaluation.at(), evaluation.requests(), evaluation.requests() - 1,
                evaluation.recordingRules() ? "Sloth recording rules" : "the SLOs' own queries");
        for (SloMonitor.Status s : evaluation.statuses()) {
            Slo slo = s.definition().slo();
            Decision d = s.decision();
            out.println();
            out.printf(Locale.ROOT, "%s  objective %s over %s  budget left %s  %s%n", s.id(),
                    SloFormat.objective(slo.objective()), Durations.format(slo.period()),
                    Double.isFinite(d.budgetRemaining()) ? SloFormat.percent(d.budgetRemaining()) : SloFormat.NONE,
                    (d.severity() == null ? "" : d.severity().label() + " ") + d.state().word().toUpperCase(Locale.ROOT));
            out.printf(Locale.ROOT, "  %-6s %14s %10s%n", "window", "error ratio", "burn");
            for (Duration w : windows.forSlo(slo)) {
                double ratio = s.ratios().over(w).errorRatio();
                out.printf(Locale.ROOT, "  %-6s %14s %10s%n", SloWindows.promDuration(w),
                        Double.isFinite(ratio) ? String.format(Locale.ROOT, "%.6f", ratio) : SloFormat.NONE,
                        Double.isFinite(ratio) ? SloFormat.times(slo.burnRate(ratio)) : SloFormat.NONE);
            }
            out.println("  " + d.explanation());
            s.ratios().problems().forEach(p -> out.println("  ! " + p));
        }
    }
}
