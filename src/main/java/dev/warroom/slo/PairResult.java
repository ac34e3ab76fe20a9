package dev.warroom.slo;

/** How one window pair stands: both burn rates against its factor, and why it does or does not fire. */
public record PairResult(WindowPair pair, double factor, double longBurn, double shortBurn, double longEvents, Status status) {

    public enum Status {
        /** Both windows over the factor: this pair decides. */
        FIRING,
        /** Would fire, but a more severe pair already fires. */
        SUPPRESSED,
        /** Would page, but the long window saw fewer events than the low-traffic guard needs. */
        LOW_TRAFFIC,
        /** At least one window is under the factor. */
        QUIET,
        /** A window saw no events or returned NaN: health unknown, never "OK". */
        NO_DATA
    }

    public boolean overThreshold() {
        return status == Status.FIRING || status == Status.SUPPRESSED;
    }
}
