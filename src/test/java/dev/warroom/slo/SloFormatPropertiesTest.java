package dev.warroom.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The fast number writers print exactly what DecimalFormat and String.format printed before them. */
class SloFormatPropertiesTest {

    @Provide
    Arbitrary<Double> numbers() {
        return Arbitraries.oneOf(
                Arbitraries.doubles().between(-1e6, 1e6),
                Arbitraries.doubles().between(0, 20).ofScale(4),
                Arbitraries.doubles().between(0, 1).ofScale(6),
                Arbitraries.integers().between(0, 2000).map(i -> i / 200.0),
                Arbitraries.of(0.0, -0.0, 0.05, 0.15, 0.25, 0.995, 9.995, 10.05, 14.4, 0.933333, 1e-12, -1e-12,
                        Double.MIN_VALUE, 1e300, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
    }

    @Property(tries = 5000)
    void times_isDecimalFormats(@ForAll("numbers") double burn) {
        String expected = new DecimalFormat(burn >= 10 ? "0.#" : "0.##", DecimalFormatSymbols.getInstance(Locale.ROOT))
                .format(burn) + "x";
        assertEquals(expected, SloFormat.times(burn), "burn " + burn);
    }

    @Property(tries = 5000)
    void percent_isStringFormats(@ForAll("numbers") double fraction) {
        double p = fraction * 100;
        String expected = Math.abs(p) >= 10 ? String.format(Locale.ROOT, "%.0f%%", p) : String.format(Locale.ROOT, "%.1f%%", p);
        assertEquals(expected, SloFormat.percent(fraction), "fraction " + fraction);
    }
}
