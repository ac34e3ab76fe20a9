package dev.warroom.app;

import dev.warroom.drill.DrillException;
import dev.warroom.drill.ScenarioFormatException;
import dev.warroom.incident.IllegalTransitionException;
import dev.warroom.runbook.RunbookFormatException;
import dev.warroom.store.StoreException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code warroom}: the command line. Exit codes: 0 ok, 1 the command failed, 2 bad arguments. */
@Command(name = "warroom", mixinStandardHelpOptions = true, versionProvider = WarroomCommand.Version.class,
        description = "Incident console: SLO burn-rate alerting, escalation, runbooks, timeline and postmortems.%n"
                + "Without a command it opens the desktop console.",
        subcommands = {ConsoleCommand.class, SloCommand.class, DrillCommand.class, MockCommand.class, IncidentsCommand.class,
                WebhookCommand.class,
                RunbooksCommand.class, PostmortemCommand.class, RegressCommand.class, HandoffCommand.class,
                CommandLine.HelpCommand.class})
public final class WarroomCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static int run(String... args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        try {
            return commandLine(out, err).execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The configured command line; tests pass their own writers. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cmd = new CommandLine(new WarroomCommand());
        cmd.setUsageHelpWidth(100);
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("warroom: " + ex.getMessage() + " (see '" + c.getCommandSpec().qualifiedName()
                    + " --help')");
            return CommandLine.ExitCode.USAGE;
        });
        cmd.setExecutionExceptionHandler((ex, c, parseResult) -> {
            if (ex instanceof StoreException || ex instanceof DrillException || ex instanceof IllegalArgumentException
                    || ex instanceof IllegalTransitionException || ex instanceof ScenarioFormatException
                    || ex instanceof RunbookFormatException || ex instanceof java.io.IOException
                    || ex instanceof java.io.UncheckedIOException || ex instanceof dev.warroom.slo.spec.SloSpecException
                    || ex instanceof dev.warroom.metrics.SourceException) {
                c.getErr().println("warroom: " + ex.getMessage());
                return CommandLine.ExitCode.SOFTWARE;
            }
            throw ex;
        });
        return cmd;
    }

    /** The version from the jar manifest, or "dev" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = WarroomCommand.class.getPackage().getImplementationVersion();
            return new String[] {"warroom " + (v == null ? "dev" : v)};
        }
    }
}
