package dev.warroom.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Somewhere PromQL can be evaluated: Prometheus itself, or Prometheus behind Grafana. Calls block
 * on the network and must never run on the FX thread; implementations are thread-safe so a poller
 * may run several queries at once.
 */
public interface MetricsSource extends AutoCloseable {

    /** A short name for badges and logs ("prom", "grafana/ds-uid"), never containing credentials. */
    String name();

    /**
     * Evaluates {@code promql} at {@code at} (the server's now when null). A vector gives a sample per
     * series; a scalar gives one sample without labels; an empty vector gives an empty list.
     */
    List<Sample> instant(String promql, Instant at) throws SourceException;

    /**
     * Evaluates {@code promql} over [{@code start}, {@code end}] every {@code step}. Implementations
     * keep each request under Prometheus' 11,000 points per series, widening the step or splitting the
     * range as they document.
     */
    List<Series> range(String promql, Instant start, Instant end, Duration step) throws SourceException;

    /** Build info and readiness; never throws, a failure is reported in {@link SourceHealth#lastError()}. */
    SourceHealth health();

    @Override
    default void close() {
    }
}
