package dev.warroom.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Durations' numbers print what %.0f / %.1f printed before the Formatter was taken out of the poll path. */
class DurationsNumberPropertiesTest {

    @Provide
    Arbitrary<Double> lengths() {
        return Arbitraries.oneOf(Arbitraries.doubles().between(0, 1e6), Arbitraries.doubles().between(0, 100).ofScale(3),
                Arbitraries.integers().between(0, 2000).map(i -> i / 20.0),
                Arbitraries.of(0.0, 0.05, 0.15, 0.25, 9.95, 9.96, 10.0, 10.5, 11.5, 89.95, 1e300, Double.POSITIVE_INFINITY));
    }

    @Property(tries = 5000)
    void number_isTheFormattersDigits(@ForAll("lengths") double v) {
        assertEquals(String.format(Locale.ROOT, v >= 10 ? "%.0f" : "%.1f", v), Durations.number(v), "value " + v);
    }
}
