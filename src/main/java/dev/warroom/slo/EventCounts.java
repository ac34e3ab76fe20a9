package dev.warroom.slo;

/**
 * Bad and total events seen in one window. A window with no events, or with NaN counts, has no
 * data: its error ratio is NaN and it never reads as healthy.
 */
public record EventCounts(double bad, double total) {

    public static final EventCounts NO_DATA = new EventCounts(Double.NaN, Double.NaN);

    public static EventCounts ofBad(double bad, double total) {
        return new EventCounts(bad, total);
    }

    public static EventCounts ofGood(double good, double total) {
        return new EventCounts(total - good, total);
    }

    public boolean hasData() {
        return Double.isFinite(bad) && Double.isFinite(total) && total > 0 && bad >= 0;
    }

    /** Bad / total, clamped to [0, 1]; NaN without data. */
    public double errorRatio() {
        if (!hasData()) {
            return Double.NaN;
        }
        return Math.min(1.0, Math.max(0.0, bad / total));
    }

    /** The SLI as a fraction of good events; NaN without data. */
    public double sli() {
        return 1.0 - errorRatio();
    }
}
