package dev.warroom.handoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HandoffWeekTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-16", "2026-11-18", "2026-11-22"})
    void parse_anyDayOfTheWeek_picksItsMonday(String day) {
        HandoffWeek week = HandoffWeek.parse(day);
        assertEquals(LocalDate.of(2026, 11, 16), week.monday());
        assertEquals("2026-11-16", week.id());
    }

    @Test
    void handoffAt_isMonday10Utc_andRecentIsTheSevenDaysBefore() {
        HandoffWeek week = HandoffWeek.parse("2026-11-20");
        assertEquals(Instant.parse("2026-11-16T10:00:00Z"), week.handoffAt());
        assertEquals(Instant.parse("2026-11-09T10:00:00Z"), week.recentSince());
    }

    @Test
    void containing_instant_usesTheUtcDay() {
        assertEquals(LocalDate.of(2026, 11, 16), HandoffWeek.containing(Instant.parse("2026-11-22T23:59:59Z")).monday());
        assertEquals(LocalDate.of(2026, 11, 23), HandoffWeek.containing(Instant.parse("2026-11-23T00:00:00Z")).monday());
    }

    @Test
    void parse_notADate_saysWhatItExpected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HandoffWeek.parse("next week"));
        assertEquals("not a date: 'next week' (expected YYYY-MM-DD, e.g. 2026-11-16)", e.getMessage());
    }

    @Test
    void constructor_refusesADayThatIsNotMonday() {
        assertThrows(IllegalArgumentException.class, () -> new HandoffWeek(LocalDate.of(2026, 11, 17)));
    }

    @Test
    void upcoming_isTheNextHandoffAtOrAfterNow() {
        // Sunday evening: tomorrow's handoff, so the weekend's incidents are in it
        assertEquals(LocalDate.of(2026, 11, 23), HandoffWeek.upcoming(Instant.parse("2026-11-22T22:00:00Z")).monday());
        // Monday before the meeting: today's
        assertEquals(LocalDate.of(2026, 11, 23), HandoffWeek.upcoming(Instant.parse("2026-11-23T09:59:00Z")).monday());
        assertEquals(LocalDate.of(2026, 11, 23), HandoffWeek.upcoming(Instant.parse("2026-11-23T10:00:00Z")).monday());
        // after the meeting: next week's
        assertEquals(LocalDate.of(2026, 11, 30), HandoffWeek.upcoming(Instant.parse("2026-11-23T10:00:01Z")).monday());
    }
}
