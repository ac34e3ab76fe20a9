package dev.warroom.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code warroom suggest}: being built (issue 3). */
@Command(name = "suggest", mixinStandardHelpOptions = true, description = "Being built.")
public final class RunbooksSuggestCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UnsupportedOperationException("warroom suggest is being built");
    }
}
