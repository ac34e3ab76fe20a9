package dev.warroom.incident;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;

/** The team's working hours: when a Sev-2 has the short ack target and what "business day" means. */
public record BusinessHours(ZoneId zone, LocalTime start, LocalTime end, Set<DayOfWeek> days) {

    public BusinessHours {
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("business hours must start before they end: " + start + "-" + end);
        }
        days = Set.copyOf(days);
    }

    public static BusinessHours weekdaysUtc() {
        return new BusinessHours(ZoneId.of("UTC"), LocalTime.of(9, 0), LocalTime.of(18, 0),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
    }

    public boolean contains(Instant instant) {
        ZonedDateTime t = instant.atZone(zone);
        LocalTime time = t.toLocalTime();
        return days.contains(t.getDayOfWeek()) && !time.isBefore(start) && time.isBefore(end);
    }

    /** The start of the first business day after the day of {@code instant}. */
    public Instant nextBusinessDayStart(Instant instant) {
        LocalDate day = instant.atZone(zone).toLocalDate().plusDays(1);
        while (!days.contains(day.getDayOfWeek())) {
            day = day.plusDays(1);
        }
        return day.atTime(start).atZone(zone).toInstant();
    }

    /** {@code n} business days after {@code instant}, same time of day, weekends skipped. */
    public Instant plusBusinessDays(Instant instant, int n) {
        ZonedDateTime t = instant.atZone(zone);
        int added = 0;
        while (added < n) {
            t = t.plusDays(1);
            if (days.contains(t.getDayOfWeek())) {
                added++;
            }
        }
        return t.toInstant();
    }
}
