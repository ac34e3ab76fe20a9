package dev.warroom.slo;

import dev.warroom.time.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates a multiwindow, multi-burn-rate policy: a pair fires when both windows burn faster than
 * its factor; the most severe firing pair wins and suppresses the slower ones; missing data is
 * reported as such, never as healthy.
 */
public final class PolicyEvaluator {

    private PolicyEvaluator() {
    }

    public static Decision evaluate(Slo slo, AlertPolicy policy, WindowCounts counts) {
        List<PairResult> results = new ArrayList<>();
        PairResult winner = null;
        boolean anyNoData = false;
        for (WindowPair pair : policy.pairs()) {
            double factor = pair.factor(slo.period());
            EventCounts longCounts = counts.over(pair.longWindow());
            EventCounts shortCounts = counts.over(pair.shortWindow());
            double longBurn = slo.burnRate(longCounts.errorRatio());
            double shortBurn = slo.burnRate(shortCounts.errorRatio());
            PairResult.Status status;
            if (!longCounts.hasData() || !shortCounts.hasData()) {
                status = PairResult.Status.NO_DATA;
                anyNoData = true;
            } else if (longBurn > factor && shortBurn > factor) {
                if (pair.action() == WindowPair.Action.PAGE && longCounts.total() < policy.minEventsToPage()) {
                    status = PairResult.Status.LOW_TRAFFIC;
                } else if (winner == null) {
                    status = PairResult.Status.FIRING;
                } else {
                    status = PairResult.Status.SUPPRESSED;
                }
            } else {
                status = PairResult.Status.QUIET;
            }
            // a window known only by its ratio (Sloth's rules) has no event count to show: NaN, not MAX_VALUE
            double longEvents = !longCounts.hasData() ? 0 : longCounts.counted() ? longCounts.total() : Double.NaN;
            PairResult result = new PairResult(pair, factor, longBurn, shortBurn, longEvents, status);
            if (status == PairResult.Status.FIRING) {
                winner = result;
            }
            results.add(result);
        }

        EventCounts periodCounts = counts.over(slo.period());
        double remaining = periodCounts.hasData() ? slo.budgetRemaining(periodCounts.errorRatio()) : Double.NaN;

        Decision.State state;
        if (winner != null) {
            state = winner.pair().action() == WindowPair.Action.PAGE ? Decision.State.PAGE : Decision.State.TICKET;
        } else if (anyNoData) {
            state = Decision.State.NO_DATA;
        } else {
            state = Decision.State.OK;
        }
        String explanation = explain(slo, state, winner, results, remaining);
        return new Decision(slo.name(), state, winner == null ? null : winner.pair().severity(), winner,
                List.copyOf(results), remaining, explanation);
    }

    static String explain(Slo slo, Decision.State state, PairResult winner, List<PairResult> results, double remaining) {
        String period = Durations.periodAdjective(slo.period());
        switch (state) {
            case PAGE, TICKET -> {
                WindowPair pair = winner.pair();
                double burn = winner.longBurn();
                String budget = Double.isNaN(remaining)
                        ? "the " + period + " budget is gone in "
                        : remaining <= 0
                        ? "the " + period + " budget is already spent; it would last "
                        : "the " + SloFormat.percent(remaining) + " left of the " + period + " budget is gone in ";
                double left = Double.isNaN(remaining) ? 1.0 : Math.max(remaining, 0) == 0 ? 1.0 : remaining;
                Duration exhaustion = slo.timeToExhaustion(left, burn);
                double spent = slo.budgetConsumed(burn, pair.longWindow());
                // concatenated rather than String.format: the board explains every SLO on every poll
                return pair.severity().label() + " " + pair.action().word() + ": burning " + SloFormat.times(burn)
                        + " over " + Durations.format(pair.longWindow()) + " (threshold " + SloFormat.times(winner.factor())
                        + "): at this rate " + budget + Durations.human(exhaustion) + "; " + SloFormat.percent(spent)
                        + " of it went in " + Durations.lastWindow(pair.longWindow());
            }
            case NO_DATA -> {
                List<String> missing = results.stream()
                        .filter(r -> r.status() == PairResult.Status.NO_DATA)
                        .map(r -> r.pair().label())
                        .toList();
                return "no data in the " + String.join(", ", missing)
                        + " windows: health is unknown, not OK (check that the SLI's metrics are being scraped)";
            }
            default -> {
                PairResult fastest = results.get(0);
                String guard = results.stream().anyMatch(r -> r.status() == PairResult.Status.LOW_TRAFFIC)
                        ? " (a page pair is over its threshold but saw too little traffic to page)"
                        : "";
                String left = Double.isNaN(remaining) ? "" : "; " + SloFormat.percent(remaining) + " of the " + period + " budget left";
                return "ok: burning " + SloFormat.times(fastest.longBurn()) + " over "
                        + Durations.format(fastest.pair().longWindow()) + " (page at " + SloFormat.times(fastest.factor())
                        + ")" + left + guard;
            }
        }
    }
}
