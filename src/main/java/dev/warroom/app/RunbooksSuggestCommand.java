package dev.warroom.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.warroom.runbook.FirstPlaces;
import dev.warroom.runbook.RunbookFormatException;
import dev.warroom.runbook.RunbookLibrary;
import dev.warroom.runbook.Triage;
import dev.warroom.runbook.TriageQuery;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code warroom runbooks suggest "TEXT" [--alert name=value ...] [--json]}: which runbook to open, and why. */
@Command(name = "suggest", mixinStandardHelpOptions = true,
        description = "Rank runbooks for a symptom and/or a firing alert, with the score and the reasons for each,"
                + " and the first places to look for the symptom's category.")
public final class RunbooksSuggestCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    RunbookOptions runbooks;

    @Parameters(arity = "0..*", paramLabel = "TEXT", description = "What you see or were told, in your own words.")
    List<String> text = new ArrayList<>();

    @Option(names = "--alert", paramLabel = "NAME=VALUE",
            description = "A label or annotation of the firing alert: alertname, service, severity, runbook_url,"
                    + " summary, description. Repeatable.")
    List<String> alert = new ArrayList<>();

    @Option(names = "--json", description = "Print a JSON array of {id, title, score, reasons}.")
    boolean json;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "5", description = "Show at most N runbooks (default ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() throws Exception {
        TriageQuery query = new TriageQuery(String.join(" ", text), labels());
        if (query.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give a symptom TEXT or at least one --alert name=value");
        }
        if (limit < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--limit: must be at least 1, got " + limit);
        }
        RunbookLibrary library = runbooks.library();
        for (RunbookFormatException problem : library.problems()) {
            spec.commandLine().getErr().println("warroom: skipped " + problem.getMessage());
        }
        Triage triage = new Triage(library);
        List<Triage.Suggestion> ranked = triage.suggest(query);
        List<Triage.Suggestion> shown = ranked.subList(0, Math.min(limit, ranked.size()));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Triage.Suggestion s : shown) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", s.runbook().id());
                row.put("title", s.runbook().title());
                row.put("score", Math.round(s.score() * 1000) / 1000.0);
                row.put("reasons", s.reasons());
                rows.add(row);
            }
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows));
            return 0;
        }
        if (shown.isEmpty()) {
            out.println("No runbook matches " + describe(query) + ".");
        }
        for (int i = 0; i < shown.size(); i++) {
            Triage.Suggestion s = shown.get(i);
            out.printf(Locale.ROOT, "%d. %s (score %.2f)%n   %s%n", i + 1, s.runbook().id(), s.score(), s.runbook().title());
            s.reasons().forEach(r -> out.println("   - " + r));
        }
        Optional<FirstPlaces.Hint> hint = triage.firstPlace(query);
        if (hint.isPresent()) {
            FirstPlaces.Category c = hint.get().category();
            out.println();
            out.println("First places to look (" + c.name() + "):");
            c.firstPlaces().forEach(p -> out.println("  - " + p));
            out.println("Owner: " + c.team() + (c.escalation().isEmpty() ? "" : "; escalation: " + String.join(" > ", c.escalation())));
        }
        return 0;
    }

    private Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String a : alert) {
            int eq = a.indexOf('=');
            if (eq <= 0) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--alert: expected NAME=VALUE, got '" + a + "'");
            }
            labels.put(a.substring(0, eq).strip(), a.substring(eq + 1).strip());
        }
        return labels;
    }

    private static String describe(TriageQuery query) {
        List<String> parts = new ArrayList<>();
        if (!query.text().isBlank()) {
            parts.add("\"" + query.text().strip() + "\"");
        }
        if (!query.alert().isEmpty()) {
            parts.add("alert " + new java.util.TreeMap<>(query.alert()));
        }
        return String.join(" and ", parts);
    }
}
