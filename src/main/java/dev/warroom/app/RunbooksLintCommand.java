package dev.warroom.app;

import dev.warroom.runbook.LintProblem;
import dev.warroom.runbook.RunbookLint;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code warroom runbooks lint [DIR]}: one {@code file:line: message} per problem, exit 1 on any error, for CI. */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = {"Check a runbook folder: front matter, steps, verify lines, unique ids, and the drill scenarios"
                + " in DIR/drills. Prints one 'file:line: message' per problem and a summary; exits 1 on any error.",
                "Without DIR it checks the bundled library."})
public final class RunbooksLintCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "DIR", description = "The runbook folder (default: the bundled library).")
    Path dir;

    @Option(names = "--no-warnings", description = "Print errors only.")
    boolean noWarnings;

    @Override
    public Integer call() {
        if (dir != null && !Files.isDirectory(dir)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "not a folder: " + dir);
        }
        RunbookLint.Report report = dir == null ? RunbookLint.bundled() : RunbookLint.folder(dir);
        PrintWriter out = spec.commandLine().getOut();
        for (LintProblem p : report.problems()) {
            if (p.isError() || !noWarnings) {
                out.println(p.format());
            }
        }
        out.println(report.summary());
        out.flush();
        return report.errors() > 0 ? 1 : 0;
    }
}
