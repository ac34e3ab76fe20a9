package dev.warroom.slo;

import dev.warroom.time.Durations;
import dev.warroom.incident.Severity;
import java.time.Duration;

/**
 * One multiwindow alert condition: it fires when the burn rate over both the long and the short
 * window exceeds the rate that would spend {@code budgetPercent} of the budget in the long window.
 * Expressed as a budget percentage so the same pair holds for any SLO period.
 */
public record WindowPair(Severity severity, Action action, Duration longWindow, Duration shortWindow, double budgetPercent) {

    /** What a firing pair asks for. */
    public enum Action {
        PAGE, TICKET;

        public String word() {
            return this == PAGE ? "page" : "ticket";
        }
    }

    public WindowPair {
        if (severity == null || action == null) {
            throw new IllegalArgumentException("window pair needs a severity and an action");
        }
        if (longWindow == null || shortWindow == null || longWindow.isZero() || shortWindow.isZero()
                || longWindow.isNegative() || shortWindow.isNegative()) {
            throw new IllegalArgumentException("window pair needs positive long and short windows");
        }
        if (shortWindow.compareTo(longWindow) >= 0) {
            throw new IllegalArgumentException("short window " + Durations.format(shortWindow)
                    + " must be shorter than the long window " + Durations.format(longWindow));
        }
        if (!(budgetPercent > 0 && budgetPercent <= 100)) {
            throw new IllegalArgumentException("budget percent must be in (0, 100], got " + budgetPercent);
        }
    }

    /** Burn-rate threshold: budget% * period / long window (14.4 for 2% of 30d in 1h). */
    public double factor(Duration period) {
        return budgetPercent / 100.0 * period.toMillis() / longWindow.toMillis();
    }

    /** Error-ratio threshold for an SLO: factor * (1 - objective). */
    public double errorRatioThreshold(Slo slo) {
        return factor(slo.period()) * slo.errorBudget();
    }

    /** "1h/5m". */
    public String label() {
        return Durations.format(longWindow) + "/" + Durations.format(shortWindow);
    }
}
