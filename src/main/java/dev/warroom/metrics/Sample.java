package dev.warroom.metrics;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One value of an instant query: a series' labels, the evaluation time and the value. Prometheus
 * encodes values as strings; {@code NaN}, {@code +Inf} and {@code -Inf} arrive as such and are
 * kept, so a caller can tell "no ratio" (NaN) from a number. A scalar result has no labels.
 */
public record Sample(Map<String, String> labels, Instant at, double value) {

    public Sample {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        Objects.requireNonNull(at, "at");
    }

    public String label(String name) {
        return labels.get(name);
    }
}
