package dev.warroom.ui.runbook;

import dev.warroom.ui.console.ConsoleServices;
import dev.warroom.ui.console.ConsoleState;
import dev.warroom.ui.console.ViewModelPanel;
import java.util.Map;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/** The Runbook tab: the checklist of the selected incident's run, Ack (A), Skip (S), Failed (F). */
public final class RunbookPanel extends ViewModelPanel<RunbookViewModel> {

    /** @param actor who acts on the steps, as the timeline records it */
    public RunbookPanel(ConsoleServices services, ConsoleState state, String actor) {
        super("Runbook", new RunbookViewModel(services, state, actor), RunbookView::load, RunbookViewModel::refresh);
    }

    /**
     * The panel's scene accelerators: A acks the current step, S skips it, F marks it failed (both ask
     * for a reason in the reason field, then Enter). Each acts only while the tab is showing and no
     * text field has focus.
     */
    @Override
    public Map<KeyCombination, Runnable> accelerators() {
        RunbookViewModel viewModel = viewModel();
        return Map.of(
                new KeyCodeCombination(KeyCode.A), PanelKeys.guarded(view(), viewModel::ackStep),
                new KeyCodeCombination(KeyCode.S), PanelKeys.guarded(view(), viewModel::skipStep),
                new KeyCodeCombination(KeyCode.F), PanelKeys.guarded(view(), viewModel::failStep));
    }
}
