package dev.warroom.slo;

import java.time.Duration;

/** Bad and total events over a trailing window ending now; a metrics source or the mock system. */
@FunctionalInterface
public interface WindowCounts {
    EventCounts over(Duration window);
}
