package dev.warroom.slo;

/**
 * Bad and total events seen in one window. A window with no events, or with NaN counts, has no
 * data: its error ratio is NaN and it never reads as healthy.
 */
public record EventCounts(double bad, double total) {

    public static final EventCounts NO_DATA = new EventCounts(Double.NaN, Double.NaN);

    /**
     * The total of a window whose error ratio is known but whose events were not counted (Sloth's
     * recording rules keep only ratios). As large as a double goes, so the window has data and the
     * low-traffic guard, which cannot know better, never holds a page back.
     */
    public static final double UNCOUNTED = Double.MAX_VALUE;

    public static EventCounts ofBad(double bad, double total) {
        return new EventCounts(bad, total);
    }

    /**
     * A window known only by its error ratio: total {@link #UNCOUNTED}. A ratio outside [0, 1] is
     * clamped (a raw {@code 1 - x} query lands a hair below 0); NaN or an infinity is no data.
     */
    public static EventCounts ofErrorRatio(double errorRatio) {
        if (!Double.isFinite(errorRatio)) {
            return NO_DATA;
        }
        double ratio = Math.min(1.0, Math.max(0.0, errorRatio));
        return new EventCounts(ratio * UNCOUNTED, UNCOUNTED);
    }

    public static EventCounts ofGood(double good, double total) {
        return new EventCounts(total - good, total);
    }

    /** False for a window known only by its ratio ({@link #ofErrorRatio}): its total means nothing. */
    public boolean counted() {
        return total != UNCOUNTED;
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
