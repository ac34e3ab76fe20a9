package dev.warroom.drill;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Wall time sped up: {@code speed} virtual seconds pass per real second, from {@code start}. */
public final class ScaledClock extends Clock {
    private final Clock wall;
    private final Instant wallStart;
    private final Instant start;
    private final double speed;

    public ScaledClock(Clock wall, Instant start, double speed) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be positive, got " + speed);
        }
        this.wall = wall;
        this.wallStart = wall.instant();
        this.start = start;
        this.speed = speed;
    }

    @Override
    public Instant instant() {
        long realNanos = Duration.between(wallStart, wall.instant()).toNanos();
        return start.plusNanos((long) (realNanos * speed));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a scaled clock is always UTC");
    }
}
