package dev.warroom.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private static final Backoff DEFAULT = PollSettings.defaults().backoff();

    @Test
    void ceiling_doublesFromTheBase_andStopsAtMax() {
        List<Duration> ceilings = IntStream.rangeClosed(0, 7).mapToObj(DEFAULT::ceiling).toList();
        assertEquals(List.of(Duration.ZERO, Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2),
                Duration.ofMinutes(4), Duration.ofMinutes(5), Duration.ofMinutes(5), Duration.ofMinutes(5)), ceilings);
        assertEquals(Duration.ofMinutes(5), DEFAULT.ceiling(Integer.MAX_VALUE), "no overflow after a long outage");
    }

    @Test
    void delay_drawZeroIsTheCeiling_aDrawNearOneIsTheShortestAllowed() {
        assertEquals(Duration.ofMinutes(1), DEFAULT.delay(2, 0));
        assertEquals(Duration.ofSeconds(54), DEFAULT.delay(2, 0.5));
        Duration shortest = DEFAULT.delay(2, Math.nextDown(1.0));
        assertEquals(48, shortest.toSeconds());
        assertEquals(240, DEFAULT.delay(40, Math.nextDown(1.0)).toSeconds(),
                "at the cap the shortest delay is (1 - jitter) x max");
    }

    @Test
    void delay_withoutJitter_isExactlyTheCeiling() {
        Backoff plain = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(1), 0);
        for (int n = 1; n < 8; n++) {
            assertEquals(plain.ceiling(n), plain.delay(n, 0.73));
        }
    }

    @Test
    void delay_withASeededRandom_isRepeatable_andVaries() {
        List<Duration> a = IntStream.range(0, 5).mapToObj(i -> DEFAULT.delay(4, new SplittableRandom(11 + i))).toList();
        List<Duration> b = IntStream.range(0, 5).mapToObj(i -> DEFAULT.delay(4, new SplittableRandom(11 + i))).toList();
        assertEquals(a, b);
        assertNotEquals(1, a.stream().distinct().count(), "different seeds spread the delays: " + a);
    }

    @Test
    void invalidSettingsAndDraws_areRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofMinutes(1), 0.2));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofMinutes(2), Duration.ofMinutes(1), 0.2));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1), 1.0));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1), -0.1));
        assertThrows(IllegalArgumentException.class, () -> DEFAULT.delay(1, 1.0));
        assertThrows(IllegalArgumentException.class, () -> DEFAULT.delay(1, Double.NaN));
    }

    @Property
    void delay_isAlwaysWithinItsJitterBandBelowTheCappedCeiling(
            @ForAll @IntRange(min = 1, max = 200) int failures,
            @ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double draw,
            @ForAll @LongRange(min = 1, max = 120) long baseSeconds,
            @ForAll @IntRange(min = 1, max = 40) int maxOverBase,
            @ForAll @DoubleRange(min = 0, max = 0.9) double jitter) {
        Backoff b = new Backoff(Duration.ofSeconds(baseSeconds), Duration.ofSeconds(baseSeconds * maxOverBase), jitter);
        Duration ceiling = b.ceiling(failures);
        Duration delay = b.delay(failures, draw);

        long expectedCeiling = Math.min(baseSeconds * maxOverBase,
                failures >= 31 ? Long.MAX_VALUE : baseSeconds << failures);
        assertEquals(Duration.ofSeconds(expectedCeiling), ceiling);
        assertTrue(delay.compareTo(ceiling) <= 0, delay + " > " + ceiling);
        long floorNanos = (long) Math.floor(ceiling.toNanos() * (1 - jitter));
        assertTrue(delay.toNanos() >= floorNanos - 1, delay + " below " + Duration.ofNanos(floorNanos));
    }
}
