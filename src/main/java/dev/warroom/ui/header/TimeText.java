package dev.warroom.ui.header;

import java.time.Duration;
import java.util.Locale;

/** How the header and the pager write durations: big, fixed-width, never wall-clock dependent. */
public final class TimeText {

    private TimeText() {
    }

    /** "06:19" under an hour, "1:06:19" from an hour on: the shape of a countdown. */
    public static String countdown(Duration d) {
        long seconds = Math.max(0, d.toSeconds());
        long h = seconds / 3600;
        long m = seconds % 3600 / 60;
        long s = seconds % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s) : String.format(Locale.ROOT, "%02d:%02d", m, s);
    }

    /** "00:23:41": time since declaration; hours keep counting past a day. */
    public static String elapsed(Duration d) {
        long seconds = Math.max(0, d.toSeconds());
        return String.format(Locale.ROOT, "%02d:%02d:%02d", seconds / 3600, seconds % 3600 / 60, seconds % 60);
    }
}
