package dev.warroom.drill;

import dev.warroom.slo.EventCounts;
import dev.warroom.slo.WindowCounts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The bundled mock system: a simulated service serving a scenario's traffic on the injected clock.
 * Each simulated second draws the number of requests and how many were bad from a seeded random
 * source, so the same seed replays the same counters. Before the simulation started the service is
 * taken to have run healthily at its baseline, so day-long windows read sensibly from the first
 * minute.
 *
 * <p>Thread-safe: the drill runner, the /metrics endpoint and the UI may read it concurrently.
 */
public final class MockService implements WindowCounts {
    private static final long SAMPLE_EVERY_SECONDS = 10;
    private static final Duration KEEP = Duration.ofDays(4);
    /**
     * Every second of the last two hours is kept exactly: short windows straddle the moment a
     * mitigation takes effect, and interpolating across that step would blur the reading.
     */
    private static final int EXACT_SECONDS = 2 * 3600 + 1;

    private final Scenario scenario;
    private final Clock clock;
    private final Instant start;
    private final Instant failureStart;
    private final SplittableRandom random;
    private final Map<String, Instant> applied = new LinkedHashMap<>();
    /** Cumulative (second, total, bad) every {@link #SAMPLE_EVERY_SECONDS}; oldest first. */
    private final List<long[]> samples = new ArrayList<>();
    /** Cumulative total and bad at each of the last {@link #EXACT_SECONDS} seconds, a ring indexed by second. */
    private final long[] exactTotal = new long[EXACT_SECONDS];
    private final long[] exactBad = new long[EXACT_SECONDS];
    private final long firstSecond;
    private long simulatedSecond;
    private long total;
    private long bad;

    public MockService(Scenario scenario, Clock clock, long seed) {
        this.scenario = scenario;
        this.clock = clock;
        this.start = clock.instant();
        this.failureStart = start.plus(scenario.startsAfter());
        this.random = new SplittableRandom(seed);
        this.simulatedSecond = start.getEpochSecond();
        this.firstSecond = simulatedSecond;
        samples.add(new long[] {simulatedSecond, 0, 0});
    }

    public Scenario scenario() {
        return scenario;
    }

    public Instant failureStart() {
        return failureStart;
    }

    /** Fraction of requests that succeed at {@code t}, before the baseline error ratio. */
    public synchronized double health(Instant t) {
        double h;
        if (t.isBefore(failureStart)) {
            h = 1.0;
        } else {
            long rampMillis = scenario.ramp().toMillis();
            double progress = rampMillis == 0 ? 1.0
                    : Math.min(1.0, Duration.between(failureStart, t).toMillis() / (double) rampMillis);
            h = 1.0 - progress * (1.0 - scenario.health());
        }
        for (Map.Entry<String, Instant> e : applied.entrySet()) {
            Mitigation m = scenario.mitigation(e.getKey()).orElseThrow();
            if (!t.isBefore(e.getValue().plus(m.takesEffectAfter()))) {
                h += m.restores();
            }
        }
        return Math.min(1.0, Math.max(0.0, h));
    }

    /** Applies a mitigation now; it restores health once it takes effect. */
    public synchronized Mitigation apply(String mitigationId) {
        Mitigation m = scenario.mitigation(mitigationId).orElseThrow(() -> new IllegalArgumentException(
                "scenario " + scenario.id() + " has no mitigation '" + mitigationId + "'"));
        advanceTo(clock.instant());
        applied.putIfAbsent(mitigationId, clock.instant());
        return m;
    }

    /** Undoes a reversible mitigation. */
    public synchronized void revert(String mitigationId) {
        Mitigation m = scenario.mitigation(mitigationId).orElseThrow(() -> new IllegalArgumentException(
                "scenario " + scenario.id() + " has no mitigation '" + mitigationId + "'"));
        if (!m.reversible()) {
            throw new IllegalStateException("mitigation " + mitigationId + " cannot be reverted");
        }
        advanceTo(clock.instant());
        applied.remove(mitigationId);
    }

    public synchronized List<String> appliedMitigations() {
        return List.copyOf(applied.keySet());
    }

    /** Simulates every whole second up to {@code t}. */
    public synchronized void advanceTo(Instant t) {
        long until = t.getEpochSecond();
        while (simulatedSecond < until) {
            Instant second = Instant.ofEpochSecond(simulatedSecond);
            double pBad = 1.0 - health(second) * (1.0 - scenario.baselineErrorRatio());
            long requests = poisson(scenario.requestsPerSecond());
            total += requests;
            bad += binomial(requests, pBad);
            simulatedSecond++;
            int slot = (int) Math.floorMod(simulatedSecond, (long) EXACT_SECONDS);
            exactTotal[slot] = total;
            exactBad[slot] = bad;
            if (simulatedSecond % SAMPLE_EVERY_SECONDS == 0) {
                samples.add(new long[] {simulatedSecond, total, bad});
                trim();
            }
        }
    }

    /** Counters at the current clock time: requests served and bad requests, since the mock started. */
    public synchronized long[] counters() {
        advanceTo(clock.instant());
        return new long[] {total, bad};
    }

    @Override
    public synchronized EventCounts over(Duration window) {
        advanceTo(clock.instant());
        double[] now = {total, bad};
        double[] then = at(simulatedSecond - window.toSeconds());
        return EventCounts.ofBad(now[1] - then[1], now[0] - then[0]);
    }

    /** SLI (good / total) over the trailing window. */
    public double sli(Duration window) {
        return over(window).sli();
    }

    /** Cumulative counters at second {@code s}, interpolated; before the start, the healthy baseline. */
    private double[] at(long s) {
        long[] first = samples.get(0);
        if (s <= first[0]) {
            double seconds = first[0] - s;
            double rate = scenario.requestsPerSecond();
            return new double[] {first[1] - rate * seconds, first[2] - rate * scenario.baselineErrorRatio() * seconds};
        }
        if (s >= simulatedSecond) {
            return new double[] {total, bad};
        }
        if (s > simulatedSecond - EXACT_SECONDS && s > firstSecond) {
            int slot = (int) Math.floorMod(s, (long) EXACT_SECONDS);
            return new double[] {exactTotal[slot], exactBad[slot]};
        }
        int lo = 0;
        int hi = samples.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (samples.get(mid)[0] <= s) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        long[] a = samples.get(lo);
        long[] b = lo + 1 < samples.size() ? samples.get(lo + 1) : new long[] {simulatedSecond, total, bad};
        double f = b[0] == a[0] ? 0 : (s - a[0]) / (double) (b[0] - a[0]);
        return new double[] {a[1] + f * (b[1] - a[1]), a[2] + f * (b[2] - a[2])};
    }

    private void trim() {
        long oldest = simulatedSecond - KEEP.toSeconds();
        int drop = 0;
        while (drop < samples.size() - 1 && samples.get(drop + 1)[0] <= oldest) {
            drop++;
        }
        if (drop > 1000) {
            // extrapolating from the oldest kept sample at the baseline rate stays a fair guess
            samples.subList(0, drop).clear();
        }
    }

    private long poisson(double mean) {
        if (mean < 30) {
            double l = Math.exp(-mean);
            long k = 0;
            double p = 1.0;
            do {
                k++;
                p *= random.nextDouble();
            } while (p > l);
            return k - 1;
        }
        return Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian()));
    }

    private long binomial(long n, double p) {
        if (p <= 0 || n == 0) {
            return 0;
        }
        if (p >= 1) {
            return n;
        }
        if (n < 200) {
            long k = 0;
            for (long i = 0; i < n; i++) {
                if (random.nextDouble() < p) {
                    k++;
                }
            }
            return k;
        }
        double mean = n * p;
        return Math.max(0, Math.min(n, Math.round(mean + Math.sqrt(mean * (1 - p)) * gaussian())));
    }

    private double gaussian() {
        // Box-Muller: SplittableRandom has no nextGaussian on Java 17
        double u1 = random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(Math.max(u1, 1e-300))) * Math.cos(2 * Math.PI * u2);
    }
}
