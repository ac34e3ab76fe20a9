package dev.warroom.bench;

import dev.warroom.incident.EventPayload;
import dev.warroom.incident.Incident;
import dev.warroom.incident.Severity;
import dev.warroom.incident.TimelineEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

/**
 * Folds a long incident's 10,000-event timeline (Incident.fold), as a restart or an export does.
 * Target: under 10 ms per fold.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FoldBench {
    static final int EVENTS = 10_000;
    static final String ID = "INC-0042";

    private List<TimelineEvent> timeline;

    @Setup
    public void setUp() {
        Instant t0 = Instant.parse("2026-03-04T02:00:00Z");
        List<EventPayload> payloads = new ArrayList<>();
        payloads.add(new EventPayload.IncidentDeclared("Checkout 5xx", Severity.SEV1, "checkout",
                "checkout-availability", false, null, "fast burn"));
        payloads.add(new EventPayload.AlertFired("fast-burn", "checkout-availability", Severity.SEV1, "page", "1h/5m",
                16.2, 18.0, 14.4, 0.97, "Sev-1 page: burning 16.2x over 1h"));
        payloads.add(new EventPayload.Paged("L1", "ana", "ana@oncall.example", 1, ID + "/L1/1", "recording"));
        payloads.add(new EventPayload.Escalated("L1", "L2", "li", 1, "no ack from L1 ana within 5m"));
        payloads.add(new EventPayload.Paged("L2", "li", "li@oncall.example", 1, ID + "/L2/1", "recording"));
        payloads.add(new EventPayload.Acknowledged("L2", "li", 420));
        payloads.add(new EventPayload.RoleAssigned("incident_commander", "li"));
        payloads.add(new EventPayload.SymptomNamed("5xx on /pay after deploy"));
        payloads.add(new EventPayload.RunbookStarted("checkout-5xx", "Checkout 5xx", "sha256:abc",
                "runbooks/checkout-5xx.md", null, 6));
        for (int step = 1; step <= 4; step++) {
            payloads.add(new EventPayload.StepAcked("checkout-5xx", "sha256:abc", step, "Step " + step));
        }
        payloads.add(new EventPayload.MitigationApplied("rollback", "Roll back release", true, "checkout-5xx", 5));
        // the long tail: SLI readings every few seconds, notes and status updates while it recovers
        Random random = new Random(7);
        while (payloads.size() < EVENTS) {
            int r = random.nextInt(100);
            if (r < 70) {
                payloads.add(new EventPayload.SliObserved("checkout-availability", 0.99 + random.nextDouble() * 0.0099,
                        0.999, "5m"));
            } else if (r < 95) {
                payloads.add(new EventPayload.Note("observation " + payloads.size()));
            } else {
                payloads.add(new EventPayload.StatusUpdatePosted("internal", "still recovering"));
            }
        }
        timeline = new ArrayList<>(EVENTS);
        for (int i = 0; i < payloads.size(); i++) {
            timeline.add(new TimelineEvent(ID, i + 1, t0.plus(Duration.ofSeconds(i * 3L)),
                    i < 2 ? "warroom/slo-policy" : "li", payloads.get(i)));
        }
        timeline = List.copyOf(timeline);
        Incident check = Incident.fold(timeline);
        if (check.lastSeq() != EVENTS) {
            throw new IllegalStateException("fold stopped at " + check.lastSeq());
        }
    }

    @Benchmark
    public Incident fold10k() {
        return Incident.fold(timeline);
    }
}
