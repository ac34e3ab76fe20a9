package dev.warroom.slo;

import dev.warroom.incident.Severity;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of evaluating an alert policy for one SLO at one instant.
 *
 * @param severity        of the firing pair; null when nothing fires
 * @param budgetRemaining fraction of the period's budget left, NaN when the period has no data
 * @param explanation     one plain sentence a tired person can read
 */
public record Decision(String slo, State state, Severity severity, PairResult firing, List<PairResult> pairs,
                       double budgetRemaining, String explanation) {

    public enum State {
        OK, TICKET, PAGE, NO_DATA;

        public String word() {
            return switch (this) {
                case OK -> "ok";
                case TICKET -> "ticket";
                case PAGE -> "page";
                case NO_DATA -> "no data";
            };
        }
    }

    public Optional<PairResult> firingPair() {
        return Optional.ofNullable(firing);
    }

    public boolean pages() {
        return state == State.PAGE;
    }
}
