package dev.warroom.ui.console;

import dev.warroom.ui.IncidentsPanel;
import dev.warroom.ui.header.IncidentHeaderView;
import dev.warroom.ui.header.IncidentHeaderViewModel;
import dev.warroom.ui.pager.PagerBarView;
import dev.warroom.ui.pager.PagerBarViewModel;
import dev.warroom.ui.runbook.RunbookPanel;
import dev.warroom.ui.triage.TriagePanel;
import javafx.scene.Parent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * Puts the whole console together from its parts; the one place that knows every panel. The app
 * and the UI tests build the same console through it.
 *
 * @param root the console's root node, ready for a scene
 */
public record ConsoleAssembly(Parent root, ConsoleViewModel console, IncidentHeaderViewModel header,
                              PagerBarViewModel pager, TriagePanel triage, RunbookPanel runbook) {

    /** Ack the page from anywhere. */
    public static final KeyCombination ACK_PAGE = new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);

    /** Builds the console on the FX thread; {@code actor} is who the timeline records as acting. */
    public static ConsoleAssembly build(ConsoleServices services, ConsoleState state, String actor) {
        ConsoleViewModel console = new ConsoleViewModel(services, state);
        IncidentHeaderViewModel header = new IncidentHeaderViewModel(services, state);
        PagerBarViewModel pager = new PagerBarViewModel(services, state);
        TriagePanel triage = new TriagePanel(services, state, actor);
        RunbookPanel runbook = new RunbookPanel(services, state, actor);
        console.addRefresh(header::refresh);
        console.addRefresh(pager::refresh);
        console.addPanel(new IncidentsPanel(services, state));
        console.addPanel(triage);
        console.addPanel(runbook);
        console.addAccelerator(ACK_PAGE, pager::ack);
        Parent root = ConsoleView.load(console, IncidentHeaderView.load(header), null, PagerBarView.load(pager));
        return new ConsoleAssembly(root, console, header, pager, triage, runbook);
    }
}
