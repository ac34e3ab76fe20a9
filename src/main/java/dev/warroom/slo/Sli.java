package dev.warroom.slo;

/**
 * How the service level indicator is counted: good events over total, or bad events over total.
 * The queries are optional (a drill's mock system counts events itself).
 */
public record Sli(Kind kind, String eventsQuery, String totalQuery) {

    public enum Kind {
        /** SLI = good / total. */
        GOOD_OVER_TOTAL,
        /** SLI = 1 - bad / total. */
        BAD_OVER_TOTAL
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

    /** Turns the counted events (good or bad, per {@link #kind}) into an observation. */
    public EventCounts counts(double counted, double total) {
        return kind == Kind.GOOD_OVER_TOTAL ? EventCounts.ofGood(counted, total) : EventCounts.ofBad(counted, total);
    }
}
