package dev.warroom.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code warroom lint}: being built (issue 3). */
@Command(name = "lint", mixinStandardHelpOptions = true, description = "Being built.")
public final class RunbooksLintCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UnsupportedOperationException("warroom lint is being built");
    }
}
