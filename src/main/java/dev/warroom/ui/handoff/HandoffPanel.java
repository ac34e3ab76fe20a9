package dev.warroom.ui.handoff;

import dev.warroom.ui.console.ConsoleServices;
import dev.warroom.ui.console.ViewModelPanel;

/**
 * The Handoff tab. {@link #save()} is public so the console can put it on a key.
 *
 * <p>Wiring in the app: {@code new HandoffPanel(services, HandoffRecords.of(new HandoffStore(store, wall)),
 * System.getProperty("user.name"))}.
 */
public final class HandoffPanel extends ViewModelPanel<HandoffViewModel> {

    public HandoffPanel(ConsoleServices services, HandoffRecords records, String person) {
        this(new HandoffViewModel(services, records, person));
    }

    public HandoffPanel(HandoffViewModel viewModel) {
        super("Handoff", viewModel, HandoffView::load, HandoffViewModel::refresh);
        viewModel.load();
    }

    public void save() {
        viewModel().save();
    }
}
