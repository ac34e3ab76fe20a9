package dev.warroom.app;

import dev.warroom.drill.DrillOptions;
import dev.warroom.drill.DrillResult;
import dev.warroom.drill.DrillRunner;
import dev.warroom.drill.Scenario;
import dev.warroom.drill.ScenarioLibrary;
import dev.warroom.time.VirtualClock;
import dev.warroom.incident.Incident;
import dev.warroom.incident.SeverityPolicy;
import dev.warroom.incident.TimelineJson;
import dev.warroom.paging.EscalationLadder;
import dev.warroom.paging.RecordingPager;
import dev.warroom.postmortem.PostmortemRenderer;
import dev.warroom.postmortem.RegressionCase;
import dev.warroom.store.WarroomStore;
import dev.warroom.time.Durations;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code warroom drill}: list the scenarios, or play one end to end without a window. */
@Command(name = "drill", mixinStandardHelpOptions = true,
        description = "Run a drill against the bundled mock system. With --auto the whole incident plays out"
                + " headless: the outage, the page, escalation, ack, triage, runbook steps until the SLI recovers,"
                + " and resolution. Writes timeline.json, postmortem.md and regression-case.json.")
public final class DrillCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--list", description = "List the drill scenarios, one line each.")
    boolean list;

    @Option(names = "--scenario", paramLabel = "NAME", description = "Scenario to play (see --list).")
    String scenario;

    @Option(names = "--auto", description = "Play the responders too, with no window.")
    boolean auto;

    @Option(names = "--speed", paramLabel = "X", defaultValue = "0",
            description = "Virtual seconds per real second; 0 (default) runs as fast as possible.")
    double speed;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed of the mock system; the same seed replays the same drill (default: random, printed).")
    Long seed;

    @Option(names = "--ack-after", paramLabel = "DURATION", defaultValue = "7m",
            description = "How long the auto player lets the page ring before acking (default ${DEFAULT-VALUE}: one escalation).")
    String ackAfter;

    @Option(names = "--start", paramLabel = "INSTANT",
            description = "Virtual start time, ISO-8601 UTC (default: now). Fix it to make two runs byte-identical.")
    String start;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write timeline.json, postmortem.md, regression-case.json (default: ./drill-<incident>).")
    Path out;

    @Mixin
    StoreOptions store;

    @Mixin
    RunbookOptions runbooks;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        ScenarioLibrary scenarios = ScenarioLibrary.bundled();
        if (list) {
            for (Scenario s : scenarios.all()) {
                stdout.printf(Locale.ROOT, "%-22s %-6s %s — %s%n", s.id(), s.expectSeverity().label(), s.title(), s.summary());
            }
            scenarios.problems().forEach(p -> spec.commandLine().getErr().println("warroom: " + p.getMessage()));
            return 0;
        }
        if (scenario == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --list or --scenario NAME");
        }
        if (!auto) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "interactive drills run in the desktop console (start warroom with no arguments); add --auto to play one headless");
        }
        if (speed < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--speed must be >= 0");
        }
        Duration ack = parseDuration("--ack-after", ackAfter);
        Instant startAt = start == null ? Instant.now().truncatedTo(ChronoUnit.SECONDS) : parseInstant(start);
        Scenario s = scenarios.require(scenario);
        long actualSeed = seed != null ? seed : ThreadLocalRandom.current().nextLong(1, 1_000_000);
        DrillOptions options = DrillOptions.defaults(actualSeed, startAt).withAckAfter(ack).withSpeed(speed);

        VirtualClock clock = new VirtualClock(startAt);
        Settings settings = store.settings();
        SeverityPolicy severities = settings.severities();
        DrillResult result;
        try (WarroomStore db = store.open()) {
            var timeline = db.timeline(clock);
            EscalationLadder ladder = new EscalationLadder(settings.escalation(), severities, new RecordingPager(),
                    timeline, clock);
            DrillRunner runner = new DrillRunner(s, runbooks.library(), timeline, ladder, settings.alertPolicy(),
                    clock, options, line -> { });
            result = runner.run();
        }
        Incident incident = result.incident();
        Path dir = out != null ? out : Path.of("drill-" + incident.id().toLowerCase(Locale.ROOT));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("timeline.json"), TimelineJson.toJson(result.events()), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("postmortem.md"), new PostmortemRenderer(severities).render(incident, result.events()),
                StandardCharsets.UTF_8);
        // the very format 'warroom regress' reads: copy the file into a case folder to keep the incident fixed
        Files.writeString(dir.resolve("regression-case.json"), RegressionCase.from(result).toJson(), StandardCharsets.UTF_8);
        stdout.print(summary(result, dir));
        return result.recovered() ? 0 : 1;
    }

    static String summary(DrillResult r, Path dir) {
        Incident i = r.incident();
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%s drill %s (seed %d): %s %s%n", i.id(), r.scenario().id(), r.seed(),
                i.severity().label(), i.title()));
        i.timeToAck().ifPresent(d -> b.append("  acked by ").append(i.paging().ackedBy()).append(" after ")
                .append(Durations.format(d)).append(" (").append(i.paging().escalations()).append(" escalation")
                .append(i.paging().escalations() == 1 ? "" : "s").append(")\n"));
        if (i.ticket() != null) {
            b.append("  ticket ").append(i.ticket()).append(" (Sev-3: no page)\n");
        }
        b.append(String.format(Locale.ROOT, "  runbook %s: %d of %d steps%s%n", r.runbookId(), r.stepsRun(), r.runbookSteps(),
                r.suggestedRunbookWasExpected() ? "" : " (not the scenario's runbook " + r.scenario().runbook() + ")"));
        b.append("  SLI ").append(r.sliReadings().stream().map(v -> String.format(Locale.ROOT, "%.2f%%", v * 100))
                .collect(Collectors.joining(" -> "))).append('\n');
        b.append("  ").append(r.recovered() ? "recovered" : "NOT recovered");
        i.timeToMitigate().ifPresent(d -> b.append(", mitigated after ").append(Durations.format(d)));
        i.timeToResolve().ifPresent(d -> b.append(", resolved after ").append(Durations.format(d)));
        b.append("; state ").append(i.state().id()).append('\n');
        b.append("  wrote ").append(dir.resolve("timeline.json")).append(", postmortem.md, regression-case.json\n");
        return b.toString();
    }

    private Duration parseDuration(String option, String text) {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + ": " + e.getMessage());
        }
    }

    private Instant parseInstant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--start: not an ISO-8601 instant: '" + text + "' (e.g. 2026-11-22T03:00:00Z)");
        }
    }
}
