package dev.warroom.slo;

import java.time.Duration;

/**
 * A service level objective: the fraction of good events a service promises over a period.
 * All the error-budget arithmetic of the SRE Workbook lives here.
 */
public record Slo(String name, String service, double objective, Duration period, Sli sli) {

    /** Time to exhaustion when the budget is not burning at all. */
    public static final Duration NEVER = Duration.ofDays(365L * 1000);

    public Slo {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("SLO name is required");
        }
        if (!(objective > 0 && objective < 1)) {
            throw new IllegalArgumentException("SLO '" + name + "': objective must be between 0 and 1 (exclusive), got "
                    + objective + " (write 99.9% as 0.999)");
        }
        if (period == null || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("SLO '" + name + "': period must be positive, e.g. 28d or 30d");
        }
        if (sli == null) {
            sli = Sli.badOverTotal(null, null);
        }
    }

    /**
     * Error budget as a fraction of events: 1 - objective. Computed in decimal so 0.999 gives exactly
     * 0.001; binary 1.0 - 0.999 is 0.0010000000000000009, which turns 2.25% into "2.2%" in explanations.
     */
    public double errorBudget() {
        return java.math.BigDecimal.ONE.subtract(java.math.BigDecimal.valueOf(objective)).doubleValue();
    }

    /** Burn rate: how many times faster than "exactly the whole budget over the period". */
    public double burnRate(double errorRatio) {
        return errorRatio / errorBudget();
    }

    /** Fraction of the period's budget consumed by burn {@code burn} held for {@code window}. */
    public double budgetConsumed(double burn, Duration window) {
        return burn * seconds(window) / seconds(period);
    }

    /**
     * Fraction of the budget left, given the error ratio over the whole period so far.
     * Negative once the budget is overspent; NaN without data.
     */
    public double budgetRemaining(double errorRatioOverPeriod) {
        return 1.0 - errorRatioOverPeriod / errorBudget();
    }

    /**
     * Time until the remaining budget (a fraction of the whole) is gone at burn {@code burn}:
     * remaining * period / burn. {@link #NEVER} when nothing burns.
     */
    public Duration timeToExhaustion(double remainingFraction, double burn) {
        if (!(burn > 0)) {
            return NEVER;
        }
        if (!(remainingFraction > 0)) {
            return Duration.ZERO;
        }
        double secs = remainingFraction * seconds(period) / burn;
        return secs >= NEVER.getSeconds() ? NEVER : Duration.ofMillis(Math.round(secs * 1000));
    }

    /** How long a total outage (every event bad) takes to spend the whole budget. */
    public Duration totalOutageBudget() {
        return Duration.ofMillis(Math.round(errorBudget() * seconds(period) * 1000));
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }
}
