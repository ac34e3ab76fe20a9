package dev.warroom.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code warroom postmortem}: being built (issue 3). */
@Command(name = "postmortem", mixinStandardHelpOptions = true, description = "Being built.")
public final class PostmortemCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UnsupportedOperationException("warroom postmortem is being built");
    }
}
