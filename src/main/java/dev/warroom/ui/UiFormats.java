package dev.warroom.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the console writes times and ratios. Clock times are UTC because a war room spans time
 * zones and the timeline, the pager and the postmortem must agree on one.
 */
final class UiFormats {
    static final String NONE = "—";

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private UiFormats() {
    }

    /** "12:01:03". */
    static String clock(Instant at) {
        return at == null ? NONE : CLOCK.format(at);
    }

    /** "2024-05-02 12:01". */
    static String dateTime(Instant at) {
        return at == null ? NONE : DATE_TIME.format(at);
    }

    /** "+00:07:30" since {@code from}; hours keep counting past a day so long incidents stay sortable. */
    static String sinceStart(Instant from, Instant at) {
        Duration d = Duration.between(from, at);
        String sign = d.isNegative() ? "-" : "+";
        d = d.abs();
        return String.format(Locale.ROOT, "%s%02d:%02d:%02d", sign, d.toHours(), d.toMinutesPart(), d.toSecondsPart());
    }

    /** Turns any free text into one table line. */
    static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
