package dev.warroom.ui.triage;

import dev.warroom.ui.console.ConsoleServices;
import dev.warroom.ui.console.ConsoleState;
import dev.warroom.ui.console.ViewModelPanel;
import dev.warroom.ui.runbook.PanelKeys;
import java.util.Map;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/** The Triage tab: symptom and alerts in, ranked runbooks out, Start runbook (R). */
public final class TriagePanel extends ViewModelPanel<TriageViewModel> {

    /** @param actor who the console acts as on the timeline */
    public TriagePanel(ConsoleServices services, ConsoleState state, String actor) {
        super("Triage", new TriageViewModel(services, state, actor), TriageView::load, TriageViewModel::refresh);
    }

    /**
     * The panel's scene accelerators: R starts the selected runbook. Each acts only while the tab is
     * showing and no text field has focus.
     */
    @Override
    public Map<KeyCombination, Runnable> accelerators() {
        return Map.of(new KeyCodeCombination(KeyCode.R), PanelKeys.guarded(view(), viewModel()::startRunbook));
    }
}
