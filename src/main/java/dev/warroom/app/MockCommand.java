package dev.warroom.app;

import dev.warroom.drill.DrillException;
import dev.warroom.drill.MetricsEndpoint;
import dev.warroom.drill.MockService;
import dev.warroom.drill.Scenario;
import dev.warroom.drill.ScenarioLibrary;
import dev.warroom.drill.ScaledClock;
import dev.warroom.time.Durations;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code warroom mock}: serve a scenario's counters for a real Prometheus to scrape. */
@Command(name = "mock", mixinStandardHelpOptions = true,
        description = "Serve the mock system's counters at http://127.0.0.1:PORT/metrics (Prometheus text format)"
                + " while it plays a scenario. POST /mitigations/<id> applies a mitigation. Ctrl-C stops it.")
public final class MockCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--scenario", required = true, paramLabel = "NAME", description = "Scenario to play (see 'warroom drill --list').")
    String scenario;

    @Option(names = "--port", required = true, paramLabel = "N", description = "Loopback port to listen on (0 picks a free one).")
    int port;

    @Option(names = "--speed", paramLabel = "X", defaultValue = "1", description = "Virtual seconds per real second (default ${DEFAULT-VALUE}).")
    double speed;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        if (!(speed > 0)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--speed must be > 0");
        }
        if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port must be between 0 and 65535");
        }
        Scenario s = ScenarioLibrary.bundled().require(scenario);
        Clock clock = new ScaledClock(Clock.systemUTC(), Instant.now(), speed);
        MockService mock = new MockService(s, clock, seed);
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch stopped = new CountDownLatch(1);
        MetricsEndpoint started;
        try {
            started = MetricsEndpoint.start(mock, clock, port);
        } catch (java.net.BindException e) {
            throw new DrillException("cannot listen on 127.0.0.1:" + port + " (" + e.getMessage()
                    + "); pick another --port, or 0 for a free one");
        }
        try (MetricsEndpoint endpoint = started) {
            Duration realUntilFailure = Duration.ofMillis((long) (s.startsAfter().toMillis() / speed));
            out.printf(Locale.ROOT, "Warroom mock system: scenario %s (%s)%n", s.id(), s.title());
            out.printf(Locale.ROOT, "serving %s at %sx speed; the failure starts in %s (real time). Ctrl-C to stop.%n",
                    endpoint.url(), new java.text.DecimalFormat("0.##").format(speed), Durations.format(realUntilFailure));
            out.flush();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                endpoint.close();
                out.println("mock system stopped");
                out.flush();
                stopped.countDown();
            }, "mock-shutdown"));
            stopped.await();
        }
        return 0;
    }
}
