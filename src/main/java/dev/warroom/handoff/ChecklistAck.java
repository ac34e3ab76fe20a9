package dev.warroom.handoff;

import java.time.Instant;

/** {@code person} ticked {@code item} of the first-day-on-call checklist for {@code week} at {@code at}. */
public record ChecklistAck(HandoffWeek week, String person, String item, Instant at) {
}
