package dev.warroom.runbook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures triage against a labelled set of symptom phrasings ({@code - text: ..., alert: {...},
 * expect: runbook-id}): the share whose expected runbook ranks first, and in the top three. A team
 * can run it over its own runbook folder and phrasings with {@code main LABELLED.yaml [RUNBOOK_DIR]}.
 */
public final class TriageQuality {

    /** One labelled phrasing; {@code alert} holds the firing alert's labels, empty when there is none. */
    public record Case(String text, Map<String, String> alert, String expect) {
        public Case {
            text = text == null ? "" : text;
            alert = Map.copyOf(alert);
        }
    }

    /** Where the expected runbook ranked for one case: 1-based, 0 when it was not suggested at all. */
    public record Outcome(Case labelled, int rank, List<String> ranking) {
    }

    public record Report(List<Outcome> outcomes) {
        public Report {
            outcomes = List.copyOf(outcomes);
        }

        public double top1() {
            return share(1);
        }

        public double top3() {
            return share(3);
        }

        private double share(int k) {
            long hits = outcomes.stream().filter(o -> o.rank() >= 1 && o.rank() <= k).count();
            return outcomes.isEmpty() ? 0 : (double) hits / outcomes.size();
        }

        public List<Outcome> misses() {
            return outcomes.stream().filter(o -> o.rank() != 1).toList();
        }

        /** The figures and every miss, one per line, for a person reading the test output. */
        public String summary() {
            StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "triage quality over %d phrasings: top-1 %.3f, top-3 %.3f%n",
                    outcomes.size(), top1(), top3()));
            for (Outcome o : misses()) {
                s.append(String.format(Locale.ROOT, "  expected %s at rank %s for \"%s\" %s: got %s%n", o.labelled().expect(),
                        o.rank() == 0 ? "-" : String.valueOf(o.rank()), o.labelled().text(), o.labelled().alert(),
                        o.ranking().subList(0, Math.min(3, o.ranking().size()))));
            }
            return s.toString();
        }
    }

    private TriageQuality() {
    }

    public static List<Case> read(String yaml) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        List<Case> cases = new ArrayList<>();
        if (root == null || !root.isArray()) {
            throw new IOException("labelled set must be a YAML list of {text, alert, expect}");
        }
        for (JsonNode n : root) {
            Map<String, String> alert = new LinkedHashMap<>();
            n.path("alert").fields().forEachRemaining(f -> alert.put(f.getKey(), f.getValue().asText()));
            String expect = n.path("expect").asText("");
            if (expect.isEmpty()) {
                throw new IOException("labelled case without 'expect': " + n);
            }
            cases.add(new Case(n.path("text").asText(""), alert, expect));
        }
        return cases;
    }

    public static Report measure(Triage triage, List<Case> cases) {
        List<Outcome> outcomes = new ArrayList<>();
        for (Case c : cases) {
            List<String> ranking = triage.suggest(new TriageQuery(c.text(), c.alert())).stream()
                    .map(s -> s.runbook().id()).toList();
            outcomes.add(new Outcome(c, ranking.indexOf(c.expect()) + 1, ranking));
        }
        return new Report(outcomes);
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: TriageQuality LABELLED.yaml [RUNBOOK_DIR]");
            System.exit(2);
        }
        RunbookLibrary library = RunbookLibrary.load(args.length == 2 ? Path.of(args[1]) : null);
        Report report = measure(new Triage(library), read(Files.readString(Path.of(args[0]))));
        System.out.print(report.summary());
    }
}
