package dev.warroom.bench;

import dev.warroom.slo.AlertPolicy;
import dev.warroom.slo.Decision;
import dev.warroom.slo.EventCounts;
import dev.warroom.slo.PolicyEvaluator;
import dev.warroom.slo.Slo;
import dev.warroom.slo.WindowCounts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One evaluation round of the SRE Workbook's 4-pair policy over 200 SLOs with varied objectives and
 * periods; the event counts of every window are precomputed so only the policy math is measured.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PolicyBench {
    static final int SLOS = 200;

    private final AlertPolicy policy = AlertPolicy.sreWorkbook();
    private Slo[] slos;
    private WindowCounts[] counts;

    @Setup
    public void setUp() {
        double[] objectives = {0.9, 0.99, 0.995, 0.999, 0.9995, 0.9999, 0.99999};
        Duration[] periods = {Duration.ofDays(30), Duration.ofDays(28), Duration.ofDays(7)};
        Random random = new Random(42);
        slos = new Slo[SLOS];
        counts = new WindowCounts[SLOS];
        List<Duration> windows = new ArrayList<>(policy.windows());
        for (int i = 0; i < SLOS; i++) {
            Slo slo = new Slo("slo-" + i, "svc-" + (i % 20), objectives[i % objectives.length],
                    periods[i % periods.length], null);
            slos[i] = slo;
            Map<Duration, EventCounts> byWindow = new HashMap<>();
            // a mix of healthy, slow-burning, fast-burning, low-traffic and no-data SLOs
            double burn = switch (i % 10) {
                case 0 -> 20;
                case 1 -> 8;
                case 2 -> 2;
                default -> random.nextDouble() * 0.8;
            };
            double perMinute = i % 17 == 0 ? 0.2 : 50 + random.nextInt(5_000);
            for (Duration w : windows) {
                double total = perMinute * w.toMinutes();
                byWindow.put(w, i % 23 == 0 && w.toMinutes() == 5 ? EventCounts.NO_DATA
                        : EventCounts.ofBad(Math.min(total, total * burn * slo.errorBudget()), total));
            }
            double periodTotal = perMinute * slo.period().toMinutes();
            byWindow.put(slo.period(), EventCounts.ofBad(periodTotal * 0.3 * slo.errorBudget(), periodTotal));
            Map<Duration, EventCounts> frozen = Map.copyOf(byWindow);
            counts[i] = w -> frozen.getOrDefault(w, EventCounts.NO_DATA);
        }
    }

    /** All 200 SLOs per op. */
    @Benchmark
    public void evaluate200Slos(Blackhole bh) {
        for (int i = 0; i < SLOS; i++) {
            Decision d = PolicyEvaluator.evaluate(slos[i], policy, counts[i]);
            bh.consume(d);
        }
    }
}
