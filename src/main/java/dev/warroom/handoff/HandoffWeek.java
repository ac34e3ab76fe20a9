package dev.warroom.handoff;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;

/**
 * One on-call week, named by its Monday. The handoff happens that Monday at 10:00 UTC; "recently"
 * means the seven days before it.
 */
public record HandoffWeek(LocalDate monday) {
    /** When the weekly handoff meeting is. */
    public static final LocalTime HANDOFF_TIME = LocalTime.of(10, 0);
    public static final Duration RECENT = Duration.ofDays(7);

    public HandoffWeek {
        if (monday.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw new IllegalArgumentException("a handoff week starts on a Monday, not on " + monday + " ("
                    + monday.getDayOfWeek() + ")");
        }
    }

    /** The week (Monday to Sunday) containing {@code day}. */
    public static HandoffWeek containing(LocalDate day) {
        return new HandoffWeek(day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
    }

    /** The week containing the UTC day of {@code at}. */
    public static HandoffWeek containing(Instant at) {
        return containing(at.atOffset(ZoneOffset.UTC).toLocalDate());
    }

    /**
     * The next handoff at or after {@code now}: what the outgoing on-call is preparing. On a Sunday
     * evening that is tomorrow's, so what happened this weekend is in it.
     */
    public static HandoffWeek upcoming(Instant now) {
        HandoffWeek week = containing(now);
        return now.isAfter(week.handoffAt()) ? new HandoffWeek(week.monday.plusWeeks(1)) : week;
    }

    /** The week containing a date written YYYY-MM-DD. */
    public static HandoffWeek parse(String text) {
        try {
            return containing(LocalDate.parse(text.trim()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a date: '" + text + "' (expected YYYY-MM-DD, e.g. 2026-11-16)");
        }
    }

    /** The handoff itself: Monday 10:00 UTC. Everything the handoff is prefilled with is as of then. */
    public Instant handoffAt() {
        return monday.atTime(HANDOFF_TIME).toInstant(ZoneOffset.UTC);
    }

    /** Start of the "recently resolved" window. */
    public Instant recentSince() {
        return handoffAt().minus(RECENT);
    }

    /** "2026-11-16": the key the store files the week under. */
    public String id() {
        return monday.toString();
    }
}
