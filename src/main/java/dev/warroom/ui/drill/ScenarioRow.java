package dev.warroom.ui.drill;

import dev.warroom.drill.Scenario;
import java.util.Locale;

/**
 * A scenario as the list shows it.
 *
 * @param tier          "Sev-1": the severity the burn-rate policy is expected to raise
 * @param tierStyleClass "sev-1", so the tier is a word and a colour
 */
public record ScenarioRow(String id, String title, String tier, String tierStyleClass, String service, String summary) {

    static ScenarioRow of(Scenario s) {
        return new ScenarioRow(s.id(), s.title(), s.expectSeverity().label(),
                s.expectSeverity().label().toLowerCase(Locale.ROOT), s.service(), s.summary().strip());
    }
}
