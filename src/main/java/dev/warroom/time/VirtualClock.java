package dev.warroom.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that only moves when told to, and only forward: drills run hours of incident in seconds,
 * tests step it to the millisecond. Thread-safe.
 */
public final class VirtualClock extends Clock {
    private final AtomicReference<Instant> now;

    public VirtualClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    public Instant advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("a clock does not run backwards");
        }
        return now.updateAndGet(t -> t.plus(by));
    }

    /** Moves the clock to {@code at}, which must not be before now. */
    public Instant set(Instant at) {
        return now.updateAndGet(t -> {
            if (at.isBefore(t)) {
                throw new IllegalArgumentException("a clock does not run backwards: " + at + " is before " + t);
            }
            return at;
        });
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a virtual clock is always UTC");
    }
}
