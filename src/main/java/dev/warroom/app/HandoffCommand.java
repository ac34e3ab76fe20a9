package dev.warroom.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code warroom handoff}: being built (issue 3). */
@Command(name = "handoff", mixinStandardHelpOptions = true, description = "Being built.")
public final class HandoffCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UnsupportedOperationException("warroom handoff is being built");
    }
}
