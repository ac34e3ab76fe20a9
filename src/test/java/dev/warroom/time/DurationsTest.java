package dev.warroom.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest(name = "{0} = {1} ms")
    @CsvSource({
            "5m, 300000",
            "1h30m, 5400000",
            "28d, 2419200000",
            "30d, 2592000000",
            "2w, 1209600000",
            "90s, 90000",
            "250ms, 250",
            "1.5h, 5400000",
            "PT5M, 300000",
            "pt1h, 3600000",
            "P1D, 86400000",
            "' 6h ', 21600000"
    })
    void parse_shorthandAndIso(String text, long millis) {
        assertEquals(Duration.ofMillis(millis), Durations.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1h30m", "28d", "5m", "3d", "1d2h", "90ms", "1h0m5s"})
    void parse_format_roundTrip(String text) {
        Duration d = Durations.parse(text);
        assertEquals(d, Durations.parse(Durations.format(d)));
    }

    @Test
    void format_isShortestShorthand() {
        assertEquals("1h30m", Durations.format(Duration.ofMinutes(90)));
        assertEquals("14d", Durations.format(Durations.parse("2w")));
        assertEquals("28d", Durations.format(Duration.ofDays(28)));
        assertEquals("5m", Durations.format(Duration.ofSeconds(300)));
        assertEquals("1h5s", Durations.format(Durations.parse("1h0m5s")));
        assertEquals("1s500ms", Durations.format(Duration.ofMillis(1500)));
        assertEquals("0s", Durations.format(Duration.ZERO));
        assertEquals("-5m", Durations.format(Duration.ofMinutes(-5)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"5x", "h", "5m 3s", "m5", "1h-", "PT", "P1X", "five minutes", "-5m"})
    void parse_badInput_errorQuotesTheTextAndGivesExamples(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));
        assertEquals("not a duration: '" + text + "' (expected e.g. 5m, 1h, 28d)", e.getMessage());
    }

    @Test
    void parse_emptyOrNull_saysEmpty() {
        assertEquals("empty duration (expected e.g. 5m, 1h, 28d)",
                assertThrows(IllegalArgumentException.class, () -> Durations.parse("  ")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Durations.parse(null));
    }

    @Test
    void human_picksReadableUnit() {
        assertEquals("26 seconds", Durations.human(Duration.ofMillis(25_920)));
        assertEquals("5.0 seconds", Durations.human(Duration.ofSeconds(5)));
        assertEquals("89 seconds", Durations.human(Duration.ofSeconds(89)));
        assertEquals("1.5 minutes", Durations.human(Duration.ofSeconds(90)));
        assertEquals("43 minutes", Durations.human(Duration.ofMinutes(43).plusSeconds(12)));
        assertEquals("5.2 hours", Durations.human(Duration.ofMinutes(312)));
        assertEquals("35 hours", Durations.human(Duration.ofHours(35)));
        assertEquals("2.1 days", Durations.human(Duration.ofHours(50)));
        assertEquals("1.9 days", Durations.human(Duration.ofMillis(Math.round(30 * 86_400_000.0 / 16.2))));
        assertEquals("30 days", Durations.human(Duration.ofDays(30)));
    }

    @Test
    void periodAdjective_andLastWindow() {
        assertEquals("30-day", Durations.periodAdjective(Duration.ofDays(30)));
        assertEquals("28-day", Durations.periodAdjective(Duration.ofDays(28)));
        assertEquals("12-hour", Durations.periodAdjective(Duration.ofHours(12)));
        assertEquals("1h30m", Durations.periodAdjective(Duration.ofMinutes(90)));
        assertEquals("the last hour", Durations.lastWindow(Duration.ofHours(1)));
        assertEquals("the last 6 hours", Durations.lastWindow(Duration.ofHours(6)));
        assertEquals("the last 5 minutes", Durations.lastWindow(Duration.ofMinutes(5)));
        assertEquals("the last 3 days", Durations.lastWindow(Duration.ofDays(3)));
        assertEquals("the last day", Durations.lastWindow(Duration.ofDays(1)));
        assertEquals("the last 90 seconds", Durations.lastWindow(Duration.ofSeconds(90)));
    }
}
