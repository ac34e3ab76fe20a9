package dev.warroom.ui.drill;

import dev.warroom.ui.console.ConsoleServices;
import dev.warroom.ui.console.ConsoleState;
import dev.warroom.ui.console.ViewModelPanel;

/**
 * The Drills tab. Its commands are public so the console can put them on keys: {@link #start()}
 * (the selected scenario), {@link #stop()}, {@link #resolve()}.
 */
public final class DrillsPanel extends ViewModelPanel<DrillsViewModel> {

    public DrillsPanel(ConsoleServices services, ConsoleState state) {
        this(new DrillsViewModel(services, state));
    }

    public DrillsPanel(DrillsViewModel viewModel) {
        super("Drills", viewModel, DrillsView::load, DrillsViewModel::refresh);
    }

    public void start() {
        viewModel().start();
    }

    public void stop() {
        viewModel().stop();
    }

    public void resolve() {
        viewModel().resolve();
    }
}
