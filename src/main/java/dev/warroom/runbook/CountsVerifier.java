package dev.warroom.runbook;

import dev.warroom.slo.EventCounts;
import dev.warroom.slo.WindowCounts;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * A verifier over good/bad event counts (the mock system in drills, or any {@link WindowCounts}):
 * {@code sli} and {@code error_ratio} checks are read over a fixed window once the step settled.
 * It has no PromQL engine, so PromQL checks come back as "no data" with the reason, never as passed.
 */
public final class CountsVerifier implements Verifier {
    private final WindowCounts counts;
    private final Duration window;
    private final Consumer<RunbookStep> settle;
    private final String sourceName;

    /**
     * @param settle     called before a check is read, to let the step take effect (a drill moves
     *                   its virtual clock); it blocks until the reading can be taken
     * @param sourceName how to name the source in a "no data" reason, e.g. "the mock system"
     */
    public CountsVerifier(WindowCounts counts, Duration window, Consumer<RunbookStep> settle, String sourceName) {
        this.counts = counts;
        this.window = window;
        this.settle = settle;
        this.sourceName = sourceName;
    }

    @Override
    public Reading check(RunbookStep step, VerifyCheck check) {
        settle.accept(step);
        if (check.subject() == VerifyCheck.Subject.PROMQL) {
            return Reading.noData(window, "PromQL checks need a metrics source; " + sourceName + " has none");
        }
        Reading sli = sli(window);
        if (!sli.hasData() || check.subject() == VerifyCheck.Subject.SLI) {
            return sli;
        }
        return new Reading(1.0 - sli.value(), sli.window(), sli.requests(), sli.bad(), null);
    }

    @Override
    public Reading sli(Duration over) {
        EventCounts c = counts.over(over);
        if (!c.hasData()) {
            return Reading.noData(over, sourceName + " counted no requests in the last " + over.toSeconds() + "s");
        }
        return new Reading(c.sli(), over, Math.round(c.total()), Math.round(c.bad()), null);
    }
}
