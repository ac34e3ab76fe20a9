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
        if (!Double.isFinite(burn) || burn <= 0) {
            return decimalFormat(burn >= 10 ? "0.#" : "0.##", burn) + "x";
        }
        // the digits DecimalFormat prints, without building one per call (a poll explains every SLO, and
        // the formats were most of its CPU): half-even on the shortest decimal digits, except that a tie
        // there is settled by the exact binary value, as DecimalFormat does
        int scale = burn >= 10 ? 1 : 2;
        BigDecimal shortest = BigDecimal.valueOf(burn);
        BigDecimal rounded = shortest;
        if (shortest.scale() > scale) {
            BigDecimal down = shortest.setScale(scale, RoundingMode.DOWN);
            BigDecimal half = BigDecimal.valueOf(5, scale + 1);
            int tie = shortest.subtract(down).compareTo(half);
            if (tie == 0) {
                int exact = new BigDecimal(burn).compareTo(down.add(half));
                rounded = exact > 0 ? down.add(BigDecimal.ONE.movePointLeft(scale))
                        : exact < 0 ? down : shortest.setScale(scale, RoundingMode.HALF_EVEN);
            } else {
                rounded = shortest.setScale(scale, RoundingMode.HALF_EVEN);
            }
        }
        rounded = rounded.stripTrailingZeros();
        return (rounded.scale() < 0 ? rounded.setScale(0) : rounded).toPlainString() + "x";
    }

    static String decimalFormat(String pattern, double v) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT)).format(v);
    }

    /** A share of the budget: "2.3%", "71%"; {@link #NONE} when unknown. */
    public static String percent(double fraction) {
        if (Double.isNaN(fraction)) {
            return NONE;
        }
        double p = fraction * 100;
        int scale = Math.abs(p) >= 10 ? 0 : 1;
        if (Double.isInfinite(p)) {
            return String.format(Locale.ROOT, scale == 0 ? "%.0f%%" : "%.1f%%", p);
        }
        // what String.format's %.0f / %.1f print (half-up on the shortest decimal digits), at a fraction of its cost
        BigDecimal rounded = BigDecimal.valueOf(p).setScale(scale, RoundingMode.HALF_UP);
        String digits = rounded.toPlainString();
        boolean negativeZero = rounded.signum() == 0 && (p < 0 || (p == 0 && 1 / p < 0));
        return (negativeZero ? "-" : "") + digits + "%";
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
