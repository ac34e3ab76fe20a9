package dev.warroom.ui.drill;

import dev.warroom.drill.ScoreCard;
import dev.warroom.time.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of a drill's score card: what was measured, how long it took (or what happened), the
 * target, and the verdict in words; the view colours the verdict, it never stands alone.
 */
public record ScoreLine(String measure, String took, String target, Verdict verdict) {

    /** The verdict's word is what the view shows; its style class carries the colour. */
    public enum Verdict {
        MET("met", "verdict-met"),
        MISSED("missed", "verdict-missed"),
        NEVER("not done", "verdict-missed"),
        NO_TARGET("no target", "verdict-none");

        private final String word;
        private final String styleClass;

        Verdict(String word, String styleClass) {
            this.word = word;
            this.styleClass = styleClass;
        }

        public String word() {
            return word;
        }

        public String styleClass() {
            return styleClass;
        }
    }

    static final String NONE = "—";

    /** The card as lines, in the order an IC lives them. */
    public static List<ScoreLine> of(ScoreCard card) {
        List<ScoreLine> lines = new ArrayList<>();
        lines.add(timed("Time to ack", card.timeToAck(), card.ackTarget()));
        lines.add(timed("Time to first status update", card.timeToStatusUpdate(), card.statusUpdateTarget()));
        // the severity policy sets no mitigation mark; the time still tells the story
        lines.add(timed("Time to mitigate", card.timeToMitigate(), null));
        lines.add(timed("Time to resolve", card.timeToResolve(), card.resolveTarget()));
        lines.add(new ScoreLine("Escalations triggered", String.valueOf(card.escalations()), "0 (L1 acks in time)",
                card.escalations() == 0 ? Verdict.MET : Verdict.MISSED));
        String run = card.runbookRun() == null ? "none run" : card.runbookRun();
        String suggested = card.suggestedRunbook() == null ? "none suggested" : card.suggestedRunbook();
        Verdict followed = card.runbookRun() == null ? Verdict.NEVER
                : card.suggestedRunbook() == null ? Verdict.NO_TARGET
                : card.followedSuggestion() ? Verdict.MET : Verdict.MISSED;
        lines.add(new ScoreLine("Ran the suggested runbook", run, suggested, followed));
        return List.copyOf(lines);
    }

    private static ScoreLine timed(String measure, Duration took, Duration target) {
        Verdict verdict;
        if (took == null) {
            verdict = Verdict.NEVER;
        } else if (target == null) {
            verdict = Verdict.NO_TARGET;
        } else {
            verdict = ScoreCard.met(took, target) ? Verdict.MET : Verdict.MISSED;
        }
        return new ScoreLine(measure, took == null ? NONE : Durations.format(took.withNanos(0)),
                target == null ? NONE : "within " + Durations.format(target), verdict);
    }
}
