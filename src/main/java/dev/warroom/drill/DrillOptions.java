package dev.warroom.drill;

import java.time.Duration;
import java.time.Instant;

/**
 * How the auto player runs a drill.
 *
 * @param ackAfter   how long the auto player lets the page ring before acking; the default is long
 *                   enough to see one escalation
 * @param speed      virtual seconds per real second; 0 runs as fast as the machine can
 * @param tick       how often the policy is evaluated and the ladder checked, in virtual time
 * @param hold       how long the SLI must stay above the objective before the run counts as recovered
 * @param giveUpAfter virtual time after which a drill whose policy never fires is abandoned
 */
public record DrillOptions(long seed, Instant start, Duration ackAfter, double speed, Duration tick, Duration hold,
                           Duration giveUpAfter) {

    public static final Duration DEFAULT_ACK_AFTER = Duration.ofMinutes(7);

    public static DrillOptions defaults(long seed, Instant start) {
        return new DrillOptions(seed, start, DEFAULT_ACK_AFTER, 0, Duration.ofSeconds(30), Duration.ofMinutes(5),
                Duration.ofDays(3));
    }

    public DrillOptions withAckAfter(Duration d) {
        return new DrillOptions(seed, start, d, speed, tick, hold, giveUpAfter);
    }

    public DrillOptions withSpeed(double s) {
        return new DrillOptions(seed, start, ackAfter, s, tick, hold, giveUpAfter);
    }
}
