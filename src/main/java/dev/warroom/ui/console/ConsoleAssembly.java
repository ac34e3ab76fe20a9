package dev.warroom.ui.console;

import dev.warroom.ui.IncidentsPanel;
import dev.warroom.ui.drill.DrillsPanel;
import dev.warroom.ui.handoff.HandoffPanel;
import dev.warroom.ui.handoff.HandoffRecords;
import dev.warroom.ui.header.IncidentHeaderView;
import dev.warroom.ui.header.IncidentHeaderViewModel;
import dev.warroom.ui.help.HelpOverlay;
import dev.warroom.ui.pager.PagerBarView;
import dev.warroom.ui.pager.PagerBarViewModel;
import dev.warroom.ui.postmortem.PostmortemPanel;
import dev.warroom.ui.postmortem.PostmortemVersions;
import dev.warroom.ui.runbook.RunbookPanel;
import dev.warroom.ui.settings.SettingsPanel;
import dev.warroom.ui.slo.SloBoard;
import dev.warroom.ui.timeline.TimelinePanel;
import dev.warroom.ui.triage.TriagePanel;
import java.nio.file.Path;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import java.util.List;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.StackPane;

/**
 * Puts the whole console together from its parts; the one place that knows every panel and every
 * key. The app and the UI tests build the same console through it.
 *
 * @param root the console's root node (the console under the F1 help overlay), ready for a scene
 */
public record ConsoleAssembly(Parent root, ConsoleViewModel console, IncidentHeaderViewModel header,
                              PagerBarViewModel pager, SloBoard sloBoard, TriagePanel triage, RunbookPanel runbook,
                              TimelinePanel timeline, PostmortemPanel postmortem, DrillsPanel drills,
                              HandoffPanel handoff, SettingsPanel settings, HelpOverlay help) {

    public static final KeyCombination ACK_PAGE = shortcut(KeyCode.A);
    public static final KeyCombination START_DRILL = shortcut(KeyCode.D);
    public static final KeyCombination RESOLVE_DRILL = shortcut(KeyCode.R);
    public static final KeyCombination STOP_DRILL = shortcut(KeyCode.X);
    public static final KeyCombination SAVE_HANDOFF = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination NOTE = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);

    /**
     * Builds the console on the FX thread.
     *
     * @param actor         who the timeline records as acting from this console
     * @param handoffs      where handoffs are saved (the store's, or in memory in tests)
     * @param postmortems   where postmortem versions are saved (the store's, or in memory in tests)
     * @param runbookFolder the team's runbook folder, null for the bundled library only
     */
    public static ConsoleAssembly build(ConsoleServices services, ConsoleState state, String actor,
                                        HandoffRecords handoffs, PostmortemVersions postmortems, Path runbookFolder) {
        ConsoleViewModel console = new ConsoleViewModel(services, state);
        IncidentHeaderViewModel header = new IncidentHeaderViewModel(services, state);
        PagerBarViewModel pager = new PagerBarViewModel(services, state);
        TriagePanel triage = new TriagePanel(services, state, actor);
        RunbookPanel runbook = new RunbookPanel(services, state, actor);
        TimelinePanel timeline = new TimelinePanel(services, state);
        timeline.viewModel().youProperty().set(actor);
        PostmortemPanel postmortem = new PostmortemPanel(services, state, postmortems);
        postmortem.viewModel().authorProperty().set(actor);
        SloBoard sloBoard = SloBoard.forDrill(services, state);
        DrillsPanel drills = new DrillsPanel(services, state);
        HandoffPanel handoff = new HandoffPanel(services, handoffs, actor);
        SettingsPanel settings = new SettingsPanel(services, state, runbookFolder);
        console.addRefresh(header::refresh);
        console.addRefresh(pager::refresh);
        console.addRefresh(sloBoard::refresh);
        console.addPanel(new IncidentsPanel(services, state), Material2AL.FORMAT_LIST_BULLETED);
        console.addPanel(triage, Material2MZ.SEARCH);
        console.addPanel(runbook, Material2AL.FACT_CHECK);
        console.addPanel(timeline, Material2MZ.TIMELINE);
        console.addPanel(postmortem, Material2AL.ARTICLE);
        console.addPanel(drills, Material2MZ.PLAY_CIRCLE_OUTLINE);
        console.addPanel(handoff, Material2AL.ASSIGNMENT_IND);
        console.addPanel(settings, Material2MZ.SETTINGS);
        console.addAccelerator(ACK_PAGE, pager::ack);
        console.addAccelerator(START_DRILL, drills::start);
        console.addAccelerator(RESOLVE_DRILL, drills::resolve);
        console.addAccelerator(STOP_DRILL, drills::stop);
        console.addAccelerator(SAVE_HANDOFF, handoff::save);
        console.addAccelerator(NOTE, () -> {
            console.show(timeline.title());
            timeline.focusNote();
        });
        // a run started from Triage is worked in the Runbook tab
        triage.viewModel().startedOnProperty().addListener((obs, was, id) -> {
            if (id != null) {
                console.show(runbook.title());
            }
        });
        HelpOverlay help = new HelpOverlay(shortcuts());
        Parent consoleRoot = ConsoleView.load(console, IncidentHeaderView.load(header), sloBoard.view(),
                PagerBarView.load(pager));
        return new ConsoleAssembly(new StackPane(consoleRoot, help), console, header, pager, sloBoard, triage, runbook,
                timeline, postmortem, drills, handoff, settings, help);
    }

    /** Installs the keys that need the scene (F1 help); call once the root is in a scene. */
    public void installOn(Scene scene) {
        help.install(scene);
    }

    /** Every key the console answers to, for the F1 overlay. */
    static List<HelpOverlay.Shortcut> shortcuts() {
        return List.of(
                new HelpOverlay.Shortcut("F1", "Show or hide this help (Esc closes it)"),
                new HelpOverlay.Shortcut("Ctrl+1 … Ctrl+8",
                        "Incidents, Triage, Runbook, Timeline, Postmortem, Drills, Handoff, Settings"),
                new HelpOverlay.Shortcut("Ctrl+Shift+A", "Ack the page for the selected incident"),
                new HelpOverlay.Shortcut("R", "Triage: start the selected runbook"),
                new HelpOverlay.Shortcut("A / S / F", "Runbook: ack, skip or fail the current step"),
                new HelpOverlay.Shortcut("Ctrl+N", "Timeline: write a note (Enter adds it)"),
                new HelpOverlay.Shortcut("Ctrl+R / Ctrl+E", "Postmortem: regenerate from the timeline / export .md"),
                new HelpOverlay.Shortcut("Ctrl+Shift+D", "Start the chosen drill"),
                new HelpOverlay.Shortcut("Ctrl+Shift+R", "Resolve the drill's incident"),
                new HelpOverlay.Shortcut("Ctrl+Shift+X", "Stop the drill"),
                new HelpOverlay.Shortcut("Ctrl+S", "Save the handoff (in the Postmortem tab: save a version)"),
                new HelpOverlay.Shortcut("Ctrl+Shift+T", "Switch between dark and light"));
    }

    private static KeyCombination shortcut(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    }
}
