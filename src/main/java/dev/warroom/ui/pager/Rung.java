package dev.warroom.ui.pager;

/**
 * One level of the escalation ladder as the pager bar writes it: "L1 ana ACKED 00:04:12",
 * "L2 li (would page at 00:05:00)", "L3 sam". The style class colours it; the words say the same.
 */
public record Rung(String level, String person, String text, Status status) {

    /** Where a level stands for the selected incident; each is a CSS style class. */
    public enum Status {
        /** Not paged and not next. */
        IDLE("rung-idle"),
        /** Paged earlier, did not ack; the ladder moved on. */
        PASSED("rung-passed"),
        /** Paged now, waiting for an ack. */
        PAGED("rung-paged"),
        /** Paged and still no ack after every level and repeat. */
        EXHAUSTED("rung-exhausted"),
        /** Acked the page. */
        ACKED("rung-acked"),
        /** Paged next if nobody acks in time. */
        NEXT("rung-next");

        private final String styleClass;

        Status(String styleClass) {
            this.styleClass = styleClass;
        }

        public String styleClass() {
            return styleClass;
        }
    }

    public String styleClass() {
        return status.styleClass();
    }

    public static java.util.List<String> styleClasses() {
        return java.util.Arrays.stream(Status.values()).map(Status::styleClass).toList();
    }
}
