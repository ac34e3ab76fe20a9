package dev.warroom.ui.handoff;

import dev.warroom.ui.console.ConsoleServices;
import dev.warroom.ui.console.Panel;
import javafx.scene.Node;

/**
 * The Handoff tab. {@link #save()} is public so the console can put it on a key.
 *
 * <p>Wiring in the app: {@code new HandoffPanel(services, HandoffRecords.of(new HandoffStore(store, wall)),
 * System.getProperty("user.name"))}.
 */
public final class HandoffPanel implements Panel {
    private final HandoffViewModel viewModel;
    private final Node view;

    public HandoffPanel(ConsoleServices services, HandoffRecords records, String person) {
        this(new HandoffViewModel(services, records, person));
    }

    public HandoffPanel(HandoffViewModel viewModel) {
        this.viewModel = viewModel;
        this.view = HandoffView.load(viewModel);
        viewModel.load();
    }

    public HandoffViewModel viewModel() {
        return viewModel;
    }

    public void save() {
        viewModel.save();
    }

    @Override
    public String title() {
        return "Handoff";
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public void refresh() {
        viewModel.refresh();
    }
}
