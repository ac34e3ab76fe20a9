package dev.warroom.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.warroom.slo.AlertPolicy;
import dev.warroom.slo.Slo;
import dev.warroom.slo.WindowPair;
import dev.warroom.time.Durations;
import java.io.PrintWriter;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code warroom slo ...}: the burn-rate arithmetic on the command line. */
@Command(name = "slo", mixinStandardHelpOptions = true, description = "SLO burn-rate policy tools.",
        subcommands = {SloCommand.Policy.class, SloStatusCommand.class})
public final class SloCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "policy", mixinStandardHelpOptions = true,
            description = "Print the multiwindow, multi-burn-rate alert policy for an objective and period:"
                    + " severity, windows, budget %, burn-rate factor and error-ratio threshold of each pair.")
    static final class Policy implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--objective", required = true, description = "Objective as a fraction, e.g. 0.999.")
        double objective;

        @Option(names = "--period", defaultValue = "30d", description = "SLO period, e.g. 28d, 30d, 7d (default ${DEFAULT-VALUE}).")
        String period;

        @Option(names = "--json", description = "Print JSON instead of a table.")
        boolean json;

        @Option(names = "--policy", paramLabel = "FILE",
                description = "Alert policy YAML (pairs of severity, action, long_window, short_window, budget_percent);"
                        + " default: the SRE Workbook's four pairs.")
        java.nio.file.Path policyFile;

        @Override
        public Integer call() throws Exception {
            Duration periodDuration;
            try {
                periodDuration = Durations.parse(period);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--period: " + e.getMessage());
            }
            Slo slo;
            try {
                slo = new Slo("cli", null, objective, periodDuration, null);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--objective: " + e.getMessage());
            }
            AlertPolicy policy = policyFile == null ? AlertPolicy.sreWorkbook() : Settings.readAlertPolicy(policyFile);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (WindowPair pair : policy.pairs()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("severity", pair.severity().id());
                    row.put("action", pair.action().word());
                    row.put("long_window", Durations.format(pair.longWindow()));
                    row.put("short_window", Durations.format(pair.shortWindow()));
                    row.put("budget_percent", pair.budgetPercent());
                    row.put("factor", pair.factor(slo.period()));
                    row.put("error_ratio_threshold", pair.errorRatioThreshold(slo));
                    rows.add(row);
                }
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows));
                return 0;
            }
            out.printf(Locale.ROOT, "Objective %s over %s: error budget %s; low-traffic guard %d events%n",
                    number(objective * 100, "0.#####") + "%",
                    Durations.format(slo.period()), number(slo.errorBudget() * 100, "0.#####") + "%",
                    policy.minEventsToPage());
            out.printf(Locale.ROOT, "%-8s %-7s %-5s %-6s %-7s %-8s %s%n", "severity", "action", "long", "short",
                    "budget", "factor", "error-ratio threshold");
            for (WindowPair pair : policy.pairs()) {
                out.printf(Locale.ROOT, "%-8s %-7s %-5s %-6s %-7s %-8s %s%n", pair.severity().label(),
                        pair.action().word(), Durations.format(pair.longWindow()), Durations.format(pair.shortWindow()),
                        number(pair.budgetPercent(), "0.##") + "%", number(pair.factor(slo.period()), "0.###"),
                        number(pair.errorRatioThreshold(slo), "0.########"));
            }
            return 0;
        }

        private static String number(double v, String pattern) {
            return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT)).format(v);
        }
    }
}
