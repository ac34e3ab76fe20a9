package dev.warroom.time;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prometheus-style duration shorthand ({@code 5m}, {@code 1h30m}, {@code 28d}, {@code 2w}) and
 * the human wording used in explanations ("1.9 days").
 */
public final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d|w)");

    private Durations() {
    }

    /** Parses {@code 30d}, {@code 1h30m}, {@code 90s}, {@code 2w} or an ISO-8601 {@code PT5M}. */
    public static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty duration (expected e.g. 5m, 1h, 28d)");
        }
        String s = text.trim();
        if (s.startsWith("P") || s.startsWith("p")) {
            try {
                return Duration.parse(s.toUpperCase(Locale.ROOT));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("not a duration: '" + text + "' (expected e.g. 5m, 1h, 28d)");
            }
        }
        Matcher m = PART.matcher(s);
        int at = 0;
        Duration total = Duration.ZERO;
        while (m.find()) {
            if (m.start() != at) {
                break;
            }
            double n = Double.parseDouble(m.group(1));
            long unitMillis = switch (m.group(2)) {
                case "ms" -> 1L;
                case "s" -> 1_000L;
                case "m" -> 60_000L;
                case "h" -> 3_600_000L;
                case "d" -> 86_400_000L;
                case "w" -> 7 * 86_400_000L;
                default -> throw new IllegalStateException(m.group(2));
            };
            total = total.plusMillis(Math.round(n * unitMillis));
            at = m.end();
        }
        if (at != s.length() || at == 0) {
            throw new IllegalArgumentException("not a duration: '" + text + "' (expected e.g. 5m, 1h, 28d)");
        }
        return total;
    }

    /** Shortest shorthand: {@code 1h}, {@code 5m}, {@code 3d}, {@code 1h30m}. */
    public static String format(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        StringBuilder b = new StringBuilder();
        if (d.isNegative()) {
            b.append('-');
            d = d.negated();
        }
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        long seconds = d.toSecondsPart();
        long millis = d.toMillisPart();
        if (days > 0) {
            b.append(days).append('d');
        }
        if (hours > 0) {
            b.append(hours).append('h');
        }
        if (minutes > 0) {
            b.append(minutes).append('m');
        }
        if (seconds > 0) {
            b.append(seconds).append('s');
        }
        if (millis > 0) {
            b.append(millis).append("ms");
        }
        return b.toString();
    }

    /** "30-day", "28-day", "12-hour": the period as an adjective. */
    public static String periodAdjective(Duration period) {
        if (period.toHours() % 24 == 0 && period.toDays() > 0) {
            return period.toDays() + "-day";
        }
        if (period.toMinutes() % 60 == 0 && period.toHours() > 0) {
            return period.toHours() + "-hour";
        }
        return format(period);
    }

    /** "the last hour", "the last 6 hours", "the last 5 minutes". */
    public static String lastWindow(Duration window) {
        return "the last " + spelled(window);
    }

    private static String spelled(Duration w) {
        long s = w.toSeconds();
        if (s % 86_400 == 0) {
            return unit(s / 86_400, "day");
        }
        if (s % 3_600 == 0) {
            return unit(s / 3_600, "hour");
        }
        if (s % 60 == 0) {
            return unit(s / 60, "minute");
        }
        return unit(s, "second");
    }

    private static String unit(long n, String unit) {
        return n == 1 ? unit : n + " " + unit + "s";
    }

    /** A length of time for a person: "26 seconds", "5.2 hours", "1.9 days". */
    public static String human(Duration d) {
        double seconds = d.toMillis() / 1000.0;
        if (seconds < 90) {
            return number(seconds) + " seconds";
        }
        double minutes = seconds / 60;
        if (minutes < 90) {
            return number(minutes) + " minutes";
        }
        double hours = minutes / 60;
        if (hours < 36) {
            return number(hours) + " hours";
        }
        return number(hours / 24) + " days";
    }

    /** What {@code %.0f} (10 and over) or {@code %.1f} prints for these non-negative lengths, without a Formatter. */
    static String number(double v) {
        if (!Double.isFinite(v) || v < 0) {
            return String.format(Locale.ROOT, v >= 10 ? "%.0f" : "%.1f", v);
        }
        return java.math.BigDecimal.valueOf(v).setScale(v >= 10 ? 0 : 1, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
