package dev.warroom.runbook;

import dev.warroom.config.YamlGuard;

import dev.warroom.config.YamlSource;
import dev.warroom.drill.Mitigation;
import dev.warroom.drill.Scenario;
import dev.warroom.drill.ScenarioFormatException;
import dev.warroom.drill.ScenarioParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a runbook folder the way CI should: every runbook file on its own (front matter schema,
 * steps, verify lines), then across files (unique ids, drill scenarios pointing at runbooks that
 * exist, every step's mitigation defined by a scenario for that runbook). Reports every problem it
 * finds, not just the first.
 */
public final class RunbookLint {
    private static final Pattern LOCATED = Pattern.compile("(\\d+): (.*)", Pattern.DOTALL);

    /** The outcome of one lint run; {@code problems} are ordered by file, then line. */
    public record Report(int runbooks, int scenarios, List<LintProblem> problems) {
        public Report {
            problems = List.copyOf(problems);
        }

        public long errors() {
            return problems.stream().filter(LintProblem::isError).count();
        }

        public long warnings() {
            return problems.size() - errors();
        }

        /** "22 runbooks, 7 scenarios: 0 errors", plus the warning count when there are any. */
        public String summary() {
            String s = plural(runbooks, "runbook") + ", " + plural(scenarios, "scenario") + ": " + plural(errors(), "error");
            return warnings() == 0 ? s : s + ", " + plural(warnings(), "warning");
        }

        private static String plural(long n, String noun) {
            return n + " " + noun + (n == 1 ? "" : "s");
        }
    }

    /** A file to check: its name and text, or the problem that stopped it being read. */
    private record Input(String name, String text, LintProblem unreadable) {
    }

    private final List<LintProblem> problems = new ArrayList<>();
    private final Map<String, Integer> fileOrder = new HashMap<>();

    private RunbookLint() {
    }

    /** Lints {@code dir}'s {@code *.md} runbooks and its {@code drills/*.yaml} scenarios. */
    public static Report folder(Path dir) {
        RunbookLint lint = new RunbookLint();
        List<Input> runbooks = lint.inputs(dir, dir, ".md");
        Path drills = dir.resolve("drills");
        List<Input> scenarios = Files.isDirectory(drills) ? lint.inputs(dir, drills, ".yaml", ".yml") : List.of();
        return lint.check(runbooks, scenarios, drills.toString());
    }

    /** Lints the runbooks and drill scenarios shipped with Warroom. */
    public static Report bundled() {
        RunbookLint lint = new RunbookLint();
        List<Input> runbooks = BundledFiles.list("runbooks", ".md").stream()
                .map(e -> new Input(e.name(), e.text(), null)).toList();
        List<Input> scenarios = BundledFiles.list("runbooks/drills", ".yaml", ".yml").stream()
                .map(e -> new Input(e.name(), e.text(), null)).toList();
        return lint.check(runbooks, scenarios, "runbooks/drills");
    }

    private List<Input> inputs(Path root, Path folder, String... suffixes) {
        List<Path> files;
        try {
            files = RunbookFiles.list(folder, suffixes);
        } catch (IOException e) {
            problems.add(LintProblem.error(folder.toString(), 1, "cannot read folder: " + e.getMessage()));
            return List.of();
        }
        List<Input> inputs = new ArrayList<>();
        Map<Path, Path> plainFiles = new HashMap<>();
        for (Path file : files) {
            if (!Files.isSymbolicLink(file)) {
                plainFiles.put(file.toAbsolutePath().normalize(), file);
            }
        }
        for (Path file : files) {
            fileOrder.putIfAbsent(file.toString(), fileOrder.size());
            Path twin = linkTarget(file).map(plainFiles::get).orElse(null);
            if (twin != null) {
                // a link to a file in the same folder is allowed; checking it twice would only report a duplicate id
                problems.add(LintProblem.warning(file.toString(), 1, "symlink to " + twin + ", which is checked under its own name"));
                continue;
            }
            try {
                inputs.add(new Input(file.toString(), RunbookFiles.read(root, file), null));
            } catch (RunbookFormatException e) {
                inputs.add(new Input(file.toString(), null,
                        LintProblem.error(e.source(), e.line(), bare(e.getMessage(), e.source()))));
            }
        }
        return inputs;
    }

    private Report check(List<Input> runbookInputs, List<Input> scenarioInputs, String drills) {
        List<Input> runbookFiles = runbookInputs.stream().filter(i -> !RunbookLibrary.isReadme(i.name())).toList();
        Map<String, String> fileById = new LinkedHashMap<>();
        Map<String, RunbookParser.Result> runbooks = new LinkedHashMap<>();
        for (Input in : runbookFiles) {
            fileOrder.putIfAbsent(in.name(), fileOrder.size());
            if (in.unreadable() != null) {
                problems.add(in.unreadable());
                continue;
            }
            RunbookParser.Result r = RunbookParser.read(in.text(), in.name());
            problems.addAll(r.problems());
            if (r.id() != null) {
                String first = fileById.putIfAbsent(r.id(), in.name());
                if (first != null) {
                    problems.add(LintProblem.error(in.name(), r.idLine(), "id '" + r.id() + "' is already used by " + first));
                }
            }
            if (r.id() != null) {
                runbooks.put(in.name(), r);
            }
        }

        Map<String, List<Scenario>> scenariosByRunbook = new HashMap<>();
        Map<String, String> scenarioFileById = new HashMap<>();
        for (Input in : scenarioInputs) {
            fileOrder.putIfAbsent(in.name(), fileOrder.size());
            if (in.unreadable() != null) {
                problems.add(in.unreadable());
                continue;
            }
            Scenario s = scenario(in);
            if (s == null) {
                continue;
            }
            String first = scenarioFileById.putIfAbsent(s.id(), in.name());
            if (first != null) {
                problems.add(LintProblem.error(in.name(), lineOf(in.text(), "id"), "scenario id '" + s.id()
                        + "' is already used by " + first));
            }
            if (!fileById.containsKey(s.runbook())) {
                problems.add(LintProblem.error(in.name(), lineOf(in.text(), "runbook"), "runbook '" + s.runbook()
                        + "' does not exist" + Suggest.didYouMean(s.runbook(), fileById.keySet())));
            }
            scenariosByRunbook.computeIfAbsent(s.runbook(), k -> new ArrayList<>()).add(s);
        }

        runbooks.forEach((file, r) -> mitigations(file, r, scenariosByRunbook.getOrDefault(r.id(), List.of()), drills));
        problems.sort(Comparator.comparing((LintProblem p) -> fileOrder.getOrDefault(p.file(), Integer.MAX_VALUE))
                .thenComparing(LintProblem::file).thenComparingInt(LintProblem::line));
        return new Report(runbookFiles.size(), scenarioInputs.size(), problems);
    }

    /** Every step's mitigation must be playable: defined by a drill scenario that runs this runbook. */
    private void mitigations(String file, RunbookParser.Result r, List<Scenario> scenarios, String drills) {
        for (RunbookStep step : r.steps()) {
            String m = step.mitigation();
            if (m == null) {
                continue;
            }
            int line = r.mitigationLines().getOrDefault(step.number(), step.line());
            if (scenarios.isEmpty()) {
                problems.add(LintProblem.error(file, line, "step " + step.number() + ": mitigation '" + m
                        + "' needs a drill scenario in " + drills + " with 'runbook: " + r.id() + "'"));
                continue;
            }
            if (scenarios.stream().anyMatch(s -> s.mitigation(m).isPresent())) {
                continue;
            }
            List<String> defined = scenarios.stream().flatMap(s -> s.mitigations().stream()).map(Mitigation::id)
                    .distinct().toList();
            List<String> files = scenarios.stream().map(Scenario::source).toList();
            problems.add(LintProblem.error(file, line, "step " + step.number() + ": mitigation '" + m
                    + "' is not defined by " + String.join(", ", files) + Suggest.didYouMean(m, defined)
                    + "; it defines: " + String.join(", ", defined)));
        }
    }

    /** The scenario in {@code in}, or null after recording why it cannot be read. */
    private Scenario scenario(Input in) {
        YamlGuard.Checked checked = YamlGuard.check(in.text(), 1);
        if (checked.refusal() != null) {
            problems.add(LintProblem.error(in.name(), checked.refusal().line(), "scenario " + checked.refusal().message()));
            return null;
        }
        try {
            return ScenarioParser.parse(in.text(), in.name());
        } catch (ScenarioFormatException e) {
            Matcher m = LOCATED.matcher(e.getMessage().startsWith(in.name() + ":")
                    ? e.getMessage().substring(in.name().length() + 1) : "");
            problems.add(m.matches() ? LintProblem.error(in.name(), Integer.parseInt(m.group(1)), m.group(2))
                    : LintProblem.error(in.name(), 1, e.getMessage()));
        } catch (RuntimeException e) {
            // the scenario parser is not ours to harden here; a lint must still report, not crash
            problems.add(LintProblem.error(in.name(), 1, "cannot read scenario: " + e));
        }
        return null;
    }

    private static Optional<Path> linkTarget(Path file) {
        if (!Files.isSymbolicLink(file)) {
            return Optional.empty();
        }
        try {
            Path real = file.toRealPath();
            Path folder = file.toAbsolutePath().getParent();
            Path realFolder = folder.toRealPath();
            // compare inside the folder as listed, so a folder reached through a symlink still matches its files
            return real.getParent().equals(realFolder) ? Optional.of(folder.resolve(real.getFileName())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The line of a top-level field in an already-checked scenario. */
    private static int lineOf(String yaml, String field) {
        try {
            return YamlSource.parse(yaml, 1).line(field);
        } catch (YamlSource.Problem e) {
            return 1;
        }
    }

    /** The message of a "file:line: message" exception without its location. */
    private static String bare(String message, String source) {
        Matcher m = LOCATED.matcher(message.startsWith(source + ":") ? message.substring(source.length() + 1) : "");
        return m.matches() ? m.group(2) : message;
    }
}
