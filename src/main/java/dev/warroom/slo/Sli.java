package dev.warroom.slo;

/**
 * How the service level indicator is counted: good events over total, bad events over total, or
 * an error ratio that a query already computes (Sloth's {@code sli.raw}). The queries are optional
 * (a drill's mock system counts events itself); imported specs write the window as {@code {{.window}}}.
 */
public record Sli(Kind kind, String eventsQuery, String totalQuery) {

    public enum Kind {
        /** SLI = good / total. */
        GOOD_OVER_TOTAL,
        /** SLI = 1 - bad / total. */
        BAD_OVER_TOTAL,
        /**
         * SLI = 1 - error ratio: {@code eventsQuery} already answers bad / total (0..1); {@code totalQuery}
         * is null, so no event count is known for the low-traffic guard.
         */
        ERROR_RATIO
    }

    public Sli {
        if (kind == null) {
            throw new IllegalArgumentException("SLI kind is required (good/total or bad/total)");
        }
    }

    public static Sli goodOverTotal(String goodQuery, String totalQuery) {
        return new Sli(Kind.GOOD_OVER_TOTAL, goodQuery, totalQuery);
    }

    public static Sli badOverTotal(String badQuery, String totalQuery) {
        return new Sli(Kind.BAD_OVER_TOTAL, badQuery, totalQuery);
    }

    /** An SLI whose query answers the error ratio itself (Sloth's {@code sli.raw.error_ratio_query}). */
    public static Sli errorRatio(String errorRatioQuery) {
        return new Sli(Kind.ERROR_RATIO, errorRatioQuery, null);
    }

    /**
     * Turns the counted events (good or bad, per {@link #kind}) into an observation; for
     * {@link Kind#ERROR_RATIO} {@code counted} is the error ratio itself.
     */
    public EventCounts counts(double counted, double total) {
        return switch (kind) {
            case GOOD_OVER_TOTAL -> EventCounts.ofGood(counted, total);
            case BAD_OVER_TOTAL -> EventCounts.ofBad(counted, total);
            case ERROR_RATIO -> EventCounts.ofBad(counted * total, total);
        };
    }
}
