package dev.warroom.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code warroom runbooks ...}. */
@Command(name = "runbooks", mixinStandardHelpOptions = true,
        description = "Runbook library tools: check a runbook folder, suggest runbooks for a symptom.",
        subcommands = {RunbooksLintCommand.class, RunbooksSuggestCommand.class})
public final class RunbooksCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
