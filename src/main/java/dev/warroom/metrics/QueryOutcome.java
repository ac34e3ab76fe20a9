package dev.warroom.metrics;

import java.util.List;
import java.util.Objects;

/**
 * What one query of a poll came back with: its samples, or the failure that stopped it. Exactly one
 * of the two is set. An answered query may still have no samples (an empty vector: the series is gone
 * or has not started); {@link FreshnessTracker} reads that as "no data".
 *
 * @param query   the PromQL as the poller sent it
 * @param samples the answer; null when the query failed
 * @param failure why there is no answer, its message already redacted by the source; null when answered
 */
public record QueryOutcome(String query, List<Sample> samples, SourceException failure) {

    public QueryOutcome {
        Objects.requireNonNull(query, "query");
        if ((samples == null) == (failure == null)) {
            throw new IllegalArgumentException("a query outcome is either samples or a failure: " + query);
        }
        samples = samples == null ? null : List.copyOf(samples);
    }

    public static QueryOutcome answered(String query, List<Sample> samples) {
        return new QueryOutcome(query, Objects.requireNonNull(samples, "samples"), null);
    }

    public static QueryOutcome failed(String query, SourceException failure) {
        return new QueryOutcome(query, null, Objects.requireNonNull(failure, "failure"));
    }

    public boolean isAnswered() {
        return samples != null;
    }

    /** True when the query failed in a way that may clear up by itself (see {@link SourceException.Failure#isTransient()}). */
    public boolean failedTransiently() {
        return failure != null && failure.failure().isTransient();
    }
}
