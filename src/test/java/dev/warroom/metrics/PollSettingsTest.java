package dev.warroom.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PollSettingsTest {

    @Test
    void defaults_every15s_fourInFlight_backoffFromTheIntervalToFiveMinutes() {
        PollSettings s = PollSettings.defaults();
        assertEquals(Duration.ofSeconds(15), s.interval());
        assertEquals(4, s.maxInFlight());
        assertEquals(Duration.ofSeconds(15), s.backoffBase());
        assertEquals(Duration.ofMinutes(5), s.backoffMax());
        assertEquals(0.2, s.jitter());
        assertEquals(Duration.ofSeconds(30), s.staleAfter());
        assertEquals(new Backoff(Duration.ofSeconds(15), Duration.ofMinutes(5), 0.2), s.backoff());
    }

    @Test
    void every_theBackoffBaseFollowsTheInterval_andTheMaxIsNeverBelowIt() {
        PollSettings minute = PollSettings.every(Duration.ofMinutes(1));
        assertEquals(Duration.ofMinutes(1), minute.backoffBase());
        assertEquals(Duration.ofMinutes(5), minute.backoffMax());
        assertEquals(Duration.ofMinutes(2), minute.staleAfter());

        PollSettings slow = PollSettings.every(Duration.ofMinutes(10));
        assertEquals(Duration.ofMinutes(10), slow.backoffMax());
    }

    @Test
    void nonsense_isRefusedWithTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PollSettings.every(Duration.ZERO));
        assertEquals("poll interval must be positive, got PT0S", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PollSettings.defaults().withMaxInFlight(0));
        assertThrows(IllegalArgumentException.class,
                () -> PollSettings.defaults().withBackoff(Duration.ofSeconds(5), Duration.ofSeconds(10), 0.2),
                "a backoff max below the interval would poll a failing source faster than a healthy one");
        assertThrows(IllegalArgumentException.class,
                () -> PollSettings.defaults().withBackoff(Duration.ofMinutes(10), Duration.ofMinutes(5), 0.2));
        assertThrows(IllegalArgumentException.class,
                () -> PollSettings.defaults().withBackoff(Duration.ofSeconds(15), Duration.ofMinutes(5), 1.0));
    }
}
