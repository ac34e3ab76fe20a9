package dev.warroom.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code warroom regress}: being built (issue 3). */
@Command(name = "regress", mixinStandardHelpOptions = true, description = "Being built.")
public final class RegressCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UnsupportedOperationException("warroom regress is being built");
    }
}
