package dev.warroom.slo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** How SLO numbers are written for people, the same in explanations, exports and the console. */
public final class SloFormat {
    /** Shown for a value that is not known (NaN). */
    public static final String NONE = "\u2014";

    private SloFormat() {
    }

    /** A burn rate: "16.2x", "0.93x", "6x". */
    public static String times(double burn) {
        if (Double.isNaN(burn)) {
            return "?x";
        }
        DecimalFormat format = new DecimalFormat(burn >= 10 ? "0.#" : "0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(burn) + "x";
    }

    /** A share of the budget: "2.3%", "71%"; {@link #NONE} when unknown. */
    public static String percent(double fraction) {
        if (Double.isNaN(fraction)) {
            return NONE;
        }
        double p = fraction * 100;
        if (Math.abs(p) >= 10) {
            return String.format(Locale.ROOT, "%.0f%%", p);
        }
        return String.format(Locale.ROOT, "%.1f%%", p);
    }

    /** An objective as people write it: "99.9%", "99.95%", "99%". */
    public static String objective(double ratio) {
        if (Double.isNaN(ratio)) {
            return NONE;
        }
        BigDecimal percent = BigDecimal.valueOf(ratio).movePointRight(2).setScale(3, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return (percent.scale() < 0 ? percent.setScale(0) : percent).toPlainString() + "%";
    }

    /**
     * An SLI as a percentage: "85.1%", "99.95%". Near the objective one decimal hides the
     * difference between 99.9% and 99.95%, so values of 99% and up get two. Rounded down so a
     * failing SLI never reads as healthy.
     */
    public static String sli(double ratio) {
        if (Double.isNaN(ratio)) {
            return NONE;
        }
        BigDecimal percent = BigDecimal.valueOf(ratio).movePointRight(2);
        int scale = percent.compareTo(BigDecimal.valueOf(99)) >= 0 ? 2 : 1;
        return percent.setScale(scale, RoundingMode.DOWN).toPlainString() + "%";
    }
}
