package dev.warroom.ui.incidents;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the incident list writes times and errors. Times are UTC because a war room spans time
 * zones and the list, the timeline, the pager and the postmortem must agree on one.
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

    /** Turns any free text into one table line. */
    static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
