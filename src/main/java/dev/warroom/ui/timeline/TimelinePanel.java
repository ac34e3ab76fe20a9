package dev.warroom.ui.timeline;

import dev.warroom.ui.console.ConsoleServices;
import dev.warroom.ui.console.ConsoleState;
import dev.warroom.ui.console.ViewModelPanel;

/**
 * The Timeline tab: the selected incident's events, live, with the quick-note field. The console
 * binds a key to {@link #focusNote()} so a note is one key away from anywhere.
 */
public final class TimelinePanel extends ViewModelPanel<TimelineViewModel> {

    public TimelinePanel(ConsoleServices services, ConsoleState state) {
        this(new TimelineViewModel(services, state));
    }

    public TimelinePanel(TimelineViewModel viewModel) {
        super("Timeline", viewModel, TimelineView::load, TimelineViewModel::refresh);
    }

    /** Puts the keyboard in the note field; the console selects this tab first. */
    public void focusNote() {
        viewModel().focusNote();
    }
}
