package dev.warroom.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One poll cycle of one source, delivered whole so a listener never sees half a board: every query
 * was evaluated at the same {@code at}, so ratios built from several queries are consistent.
 *
 * @param source   the source's name
 * @param at       the evaluation instant passed to every query of the cycle
 * @param outcomes one per distinct query, in the order the queries were supplied
 * @param took     from the cycle's start to its last answer, on the poller's clock
 * @param requests how many requests the cycle sent; a query listed twice is sent once
 */
public record PollResult(String source, Instant at, List<QueryOutcome> outcomes, Duration took, int requests) {

    public PollResult {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(took, "took");
        outcomes = List.copyOf(outcomes);
    }

    /** The outcome of {@code query}, empty if this cycle did not poll it. */
    public Optional<QueryOutcome> outcome(String query) {
        return outcomes.stream().filter(o -> o.query().equals(query)).findFirst();
    }

    public List<QueryOutcome> failures() {
        return outcomes.stream().filter(o -> !o.isAnswered()).toList();
    }

    /** True when there was something to ask and nothing came back. */
    public boolean allFailed() {
        return !outcomes.isEmpty() && outcomes.stream().noneMatch(QueryOutcome::isAnswered);
    }

    /**
     * True when nothing came back and at least one failure may clear up by itself: the source looks
     * down or overloaded, which is what backoff is for. One permanently bad query among timeouts does
     * not hide that the source is struggling; a cycle of only 401s or 400s does not back off, because
     * waiting longer will not fix credentials or PromQL.
     */
    public boolean failedTransiently() {
        return allFailed() && outcomes.stream().anyMatch(QueryOutcome::failedTransiently);
    }

    /** The first failure's message in query order, already redacted; null when every query was answered. */
    public String firstError() {
        return outcomes.stream().filter(o -> !o.isAnswered()).findFirst()
                .map(o -> o.failure().getMessage()).orElse(null);
    }
}
