package dev.warroom.drill;

import dev.warroom.incident.EventPayload;
import dev.warroom.incident.Timeline;
import dev.warroom.slo.Decision;
import dev.warroom.slo.PairResult;

/** How the burn-rate policy opens a drill's incident: the declaration and the alert that fired it. */
final class DrillDeclaration {
    private DrillDeclaration() {
    }

    /** Declares the incident for {@code decision} (which must fire) and records its alert; returns the id. */
    static String declare(Timeline timeline, Scenario scenario, Decision decision, long seed) {
        PairResult firing = decision.firing();
        String id = timeline.declare(DrillRunner.POLICY_ACTOR, new EventPayload.IncidentDeclared(scenario.title(),
                decision.severity(), scenario.service(), scenario.slo().name(), true, scenario.id(),
                scenario.summary(), seed)).id();
        timeline.record(id, DrillRunner.POLICY_ACTOR, new EventPayload.AlertFired(scenario.alert(),
                scenario.slo().name(), decision.severity(), firing.pair().action().word(), firing.pair().label(),
                firing.longBurn(), firing.shortBurn(), firing.factor(), decision.budgetRemaining(),
                decision.explanation()));
        return id;
    }
}
