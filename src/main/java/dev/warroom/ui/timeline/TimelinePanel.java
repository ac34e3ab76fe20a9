package dev.warroom.ui.timeline;

import dev.warroom.ui.console.ConsoleServices;
import dev.warroom.ui.console.ConsoleState;
import dev.warroom.ui.console.Panel;
import javafx.scene.Node;

/**
 * The Timeline tab: the selected incident's events, live, with the quick-note field. The console
 * binds a key to {@link #focusNote()} so a note is one key away from anywhere.
 */
public final class TimelinePanel implements Panel {
    private final TimelineViewModel viewModel;
    private final Node view;

    public TimelinePanel(ConsoleServices services, ConsoleState state) {
        this(new TimelineViewModel(services, state));
    }

    public TimelinePanel(TimelineViewModel viewModel) {
        this.viewModel = viewModel;
        this.view = TimelineView.load(viewModel);
    }

    public TimelineViewModel viewModel() {
        return viewModel;
    }

    @Override
    public String title() {
        return "Timeline";
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public void refresh() {
        viewModel.refresh();
    }

    /** Puts the keyboard in the note field; the console selects this tab first. */
    public void focusNote() {
        viewModel.focusNote();
    }
}
