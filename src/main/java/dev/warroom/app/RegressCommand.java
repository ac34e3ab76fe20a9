package dev.warroom.app;

import dev.warroom.regress.CaseFile;
import dev.warroom.regress.CaseReplay;
import dev.warroom.regress.CaseResult;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code warroom regress [DIR]}: replays every regression case of a folder (the bundled ones by
 * default) against the mock system and says, per case, whether the failure still pages at its tier,
 * triage still ranks its runbook first, and the runbook still recovers it in time.
 */
@Command(name = "regress", mixinStandardHelpOptions = true,
        description = "Replay regression cases (*.json, as written by 'warroom drill') against the mock system, in"
                + " memory on a virtual clock. One PASS/FAIL line per case; exit 1 naming each case and broken"
                + " expectation (tier, triage, recovery) if any fails.")
public final class RegressCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR",
            description = "Folder of cases (default: the bundled " + CaseFile.BUNDLED + "/).")
    Path dir;

    @Mixin
    RunbookOptions runbooks;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "DIR: no such folder: " + dir);
        }
        List<CaseFile> files = dir == null ? CaseFile.bundled() : CaseFile.folder(dir);
        String where = dir == null ? "the bundled " + CaseFile.BUNDLED + "/" : dir.toString();
        if (files.isEmpty()) {
            err.println("warroom: no regression cases (*.json) in " + where);
            return 1;
        }
        CaseReplay replay = CaseReplay.withDefaults(runbooks.library());
        List<CaseResult> failed = new ArrayList<>();
        for (CaseFile f : files) {
            CaseResult result = f.problem() != null
                    ? new CaseResult(f.name(), f.source(), List.of(new CaseResult.Check(CaseResult.Expectation.FORMAT,
                    false, f.problem().getMessage())))
                    : replay.replay(f.parsed(), f.source());
            out.println(result.line());
            out.flush();
            if (!result.passed()) {
                failed.add(result);
            }
        }
        out.printf("%d of %d cases passed%n", files.size() - failed.size(), files.size());
        for (CaseResult r : failed) {
            err.println("warroom: regression case " + r.caseId() + " (" + r.source() + ") broke: " + r.failures().stream()
                    .map(c -> c.expectation().word() + ": " + c.detail()).collect(Collectors.joining("; ")));
        }
        return failed.isEmpty() ? 0 : 1;
    }
}
