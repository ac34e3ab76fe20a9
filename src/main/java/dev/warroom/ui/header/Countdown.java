package dev.warroom.ui.header;

import java.time.Duration;
import java.time.Instant;

/**
 * One line of a deadline as the header and the pager write it: the words ("status update due in
 * 06:19", "ack OVERDUE 02:10") and the tone that colours them. The words always carry the state,
 * so the colour is never alone.
 */
public record Countdown(String text, Tone tone) {

    /** How a deadline stands; each tone is a CSS style class. */
    public enum Tone {
        /** Nothing is due (no incident, no target for this severity). */
        QUIET("quiet"),
        /** Due, with more than a third of the time left. */
        ON_TRACK("on-track"),
        /** Due within the last third of its time: amber. */
        DUE_SOON("due-soon"),
        /** Past due: red. */
        OVERDUE("overdue"),
        /** Done in time. */
        MET("met"),
        /** Done, but late. */
        MISSED("missed");

        private final String styleClass;

        Tone(String styleClass) {
            this.styleClass = styleClass;
        }

        public String styleClass() {
            return styleClass;
        }
    }

    public static final Countdown NONE = new Countdown("", Tone.QUIET);

    public String styleClass() {
        return tone.styleClass();
    }

    /** Every style class a tone may put on a node, for swapping one for another. */
    public static java.util.List<String> styleClasses() {
        return java.util.Arrays.stream(Tone.values()).map(Tone::styleClass).toList();
    }

    /**
     * {@code what} due at {@code due}, counted over {@code span}: "what due in 06:19" while time is
     * left (amber in the last third of {@code span}), "what OVERDUE 02:10" once it has passed.
     */
    public static Countdown until(String what, Instant due, Duration span, Instant now) {
        Duration left = Duration.between(now, due);
        if (left.isNegative() || left.isZero()) {
            return new Countdown(what + " OVERDUE " + TimeText.countdown(left.negated()), Tone.OVERDUE);
        }
        boolean soon = span != null && left.multipliedBy(3).compareTo(span) <= 0;
        return new Countdown(what + " due in " + TimeText.countdown(left), soon ? Tone.DUE_SOON : Tone.ON_TRACK);
    }
}
