package dev.warroom.ui.console;

import dev.warroom.ui.drill.DrillsPanel;
import dev.warroom.ui.handoff.HandoffPanel;
import dev.warroom.ui.handoff.HandoffRecords;
import dev.warroom.ui.header.IncidentHeaderView;
import dev.warroom.ui.header.IncidentHeaderViewModel;
import dev.warroom.ui.help.HelpOverlay;
import dev.warroom.ui.incidents.IncidentsPanel;
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
import java.util.List;
import java.util.Set;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * Puts the whole console together from its parts; the one place that knows every panel and every
 * key. The app and the UI tests build the same console through it. The header, the SLO board and
 * the pager are built at once; the tabs when first needed.
 */
public final class ConsoleAssembly {
    public static final KeyCombination ACK_PAGE = shortcut(KeyCode.A);
    public static final KeyCombination START_DRILL = shortcut(KeyCode.D);
    public static final KeyCombination RESOLVE_DRILL = shortcut(KeyCode.R);
    public static final KeyCombination STOP_DRILL = shortcut(KeyCode.X);
    public static final KeyCombination SAVE_HANDOFF = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination NOTE = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);

    private final Parent root;
    private final ConsoleViewModel console;
    private final IncidentHeaderViewModel header;
    private final PagerBarViewModel pager;
    private final SloBoard sloBoard;
    private final HelpOverlay help;
    private final LazyPanel<TriagePanel> triage;
    private final LazyPanel<RunbookPanel> runbook;
    private final LazyPanel<TimelinePanel> timeline;
    private final LazyPanel<PostmortemPanel> postmortem;
    private final LazyPanel<DrillsPanel> drills;
    private final LazyPanel<HandoffPanel> handoff;
    private final LazyPanel<SettingsPanel> settings;

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
        return new ConsoleAssembly(services, state, actor, handoffs, postmortems, runbookFolder);
    }

    private ConsoleAssembly(ConsoleServices services, ConsoleState state, String actor, HandoffRecords handoffs,
                            PostmortemVersions postmortems, Path runbookFolder) {
        console = new ConsoleViewModel(services, state);
        header = new IncidentHeaderViewModel(services, state);
        pager = new PagerBarViewModel(services, state);
        sloBoard = SloBoard.forConsole(services, state);
        runbook = new LazyPanel<>("Runbook", () -> new RunbookPanel(services, state, actor),
                Set.of(key(KeyCode.A), key(KeyCode.S), key(KeyCode.F)));
        triage = new LazyPanel<>("Triage", () -> {
            TriagePanel panel = new TriagePanel(services, state, actor);
            // a run started from Triage is worked in the Runbook tab
            panel.viewModel().startedOnProperty().addListener((obs, was, id) -> {
                if (id != null) {
                    console.show(runbook.title());
                }
            });
            return panel;
        }, Set.of(key(KeyCode.R)));
        timeline = new LazyPanel<>("Timeline", () -> {
            TimelinePanel panel = new TimelinePanel(services, state);
            panel.viewModel().youProperty().set(actor);
            return panel;
        });
        postmortem = new LazyPanel<>("Postmortem", () -> {
            PostmortemPanel panel = new PostmortemPanel(services, state, postmortems);
            panel.viewModel().authorProperty().set(actor);
            return panel;
        });
        drills = new LazyPanel<>("Drills", () -> new DrillsPanel(services, state));
        handoff = new LazyPanel<>("Handoff", () -> new HandoffPanel(services, handoffs, actor));
        settings = new LazyPanel<>("Settings", () -> new SettingsPanel(services, state, runbookFolder));

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
        console.addGlobalKey(ACK_PAGE, pager::ack);
        console.addGlobalKey(START_DRILL, () -> drills.get().start());
        console.addGlobalKey(RESOLVE_DRILL, () -> drills.get().resolve());
        console.addGlobalKey(STOP_DRILL, () -> drills.get().stop());
        console.addAccelerator(SAVE_HANDOFF, () -> {
            if (handoff.built()) {
                handoff.get().save();
            }
        });
        console.addGlobalKey(NOTE, () -> {
            console.show(timeline.title());
            timeline.get().focusNote();
        });
        help = new HelpOverlay(shortcuts());
        Parent consoleRoot = ConsoleView.load(console, IncidentHeaderView.load(header), sloBoard.view(),
                PagerBarView.load(pager));
        root = new StackPane(consoleRoot, help);
    }

    /** The console under the F1 help overlay, ready for a scene. */
    public Parent root() {
        return root;
    }

    public ConsoleViewModel console() {
        return console;
    }

    public IncidentHeaderViewModel header() {
        return header;
    }

    public PagerBarViewModel pager() {
        return pager;
    }

    public SloBoard sloBoard() {
        return sloBoard;
    }

    public HelpOverlay help() {
        return help;
    }

    public TriagePanel triage() {
        return triage.get();
    }

    public RunbookPanel runbook() {
        return runbook.get();
    }

    public TimelinePanel timeline() {
        return timeline.get();
    }

    public PostmortemPanel postmortem() {
        return postmortem.get();
    }

    public DrillsPanel drills() {
        return drills.get();
    }

    public HandoffPanel handoff() {
        return handoff.get();
    }

    public SettingsPanel settings() {
        return settings.get();
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

    private static KeyCombination key(KeyCode code) {
        return new KeyCodeCombination(code);
    }
}
