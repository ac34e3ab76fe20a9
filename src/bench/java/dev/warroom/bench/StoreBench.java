package dev.warroom.bench;

import dev.warroom.incident.EventPayload;
import dev.warroom.incident.Severity;
import dev.warroom.incident.Timeline;
import dev.warroom.store.WarroomStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Durable appends to the embedded H2 store (WRITE_DELAY=0, one commit per record or per batch).
 * Each invocation appends {@value #EVENTS} events to a fresh incident, and the score is per event,
 * so the figure reads directly as durable events per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class StoreBench {
    static final int EVENTS = 10_000;

    private Path dir;
    private WarroomStore store;
    private Timeline timeline;
    private List<EventPayload> payloads;

    @Setup
    public void open() throws IOException {
        dir = Files.createTempDirectory("warroom-bench");
        store = WarroomStore.openH2(dir.resolve("warroom"));
        timeline = store.timeline(Clock.systemUTC());
        payloads = new ArrayList<>(EVENTS);
        for (int i = 0; i < EVENTS; i++) {
            payloads.add(i % 2 == 0 ? new EventPayload.Note("note " + i)
                    : new EventPayload.SliObserved("checkout-availability", 0.999 - i * 1e-7, 0.999, "5m"));
        }
    }

    @TearDown
    public void close() throws IOException {
        store.close();
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long appendOneByOne() {
        String id = declare();
        long last = 0;
        for (EventPayload payload : payloads) {
            last = timeline.record(id, "bench", payload).seq();
        }
        return last;
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long appendBatchesOf100() {
        String id = declare();
        long last = 0;
        for (int from = 0; from < EVENTS; from += 100) {
            last = timeline.recordAll(id, "bench", payloads.subList(from, from + 100)).get(99).seq();
        }
        return last;
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long appendOneBatchOf10000() {
        return timeline.recordAll(declare(), "bench", payloads).get(EVENTS - 1).seq();
    }

    private String declare() {
        return timeline.declare("bench", new EventPayload.IncidentDeclared("bench", Severity.SEV3, "bench", null,
                true, null, null)).id();
    }
}
