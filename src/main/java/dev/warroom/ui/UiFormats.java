package dev.warroom.ui;

import java.math.BigDecimal;
import java.math.RoundingMode;
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

    /**
     * An SLI as a percentage: "85.1%", "99.95%". Near the objective one decimal hides the
     * difference between 99.9% and 99.95%, so values of 99% and up get two. Rounded down so a
     * failing SLI never reads as healthy.
     */
    static String sli(double ratio) {
        if (Double.isNaN(ratio)) {
            return NONE;
        }
        BigDecimal percent = BigDecimal.valueOf(ratio).movePointRight(2);
        int scale = percent.compareTo(BigDecimal.valueOf(99)) >= 0 ? 2 : 1;
        return percent.setScale(scale, RoundingMode.DOWN).toPlainString() + "%";
    }

    /** An objective as people write it: "99.9%", "99.95%", "99%". */
    static String objective(double ratio) {
        if (Double.isNaN(ratio)) {
            return NONE;
        }
        BigDecimal percent = BigDecimal.valueOf(ratio).movePointRight(2).setScale(3, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return (percent.scale() < 0 ? percent.setScale(0) : percent).toPlainString() + "%";
    }

    /** Turns any free text into one table line. */
    static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
