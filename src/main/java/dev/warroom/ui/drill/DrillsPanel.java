package dev.warroom.ui.drill;

import dev.warroom.ui.console.ConsoleServices;
import dev.warroom.ui.console.ConsoleState;
import dev.warroom.ui.console.Panel;
import javafx.scene.Node;

/**
 * The Drills tab. Its commands are public so the console can put them on keys: {@link #start()}
 * (the selected scenario), {@link #stop()}, {@link #resolve()}.
 */
public final class DrillsPanel implements Panel {
    private final DrillsViewModel viewModel;
    private final Node view;

    public DrillsPanel(ConsoleServices services, ConsoleState state) {
        this(new DrillsViewModel(services, state));
    }

    public DrillsPanel(DrillsViewModel viewModel) {
        this.viewModel = viewModel;
        this.view = DrillsView.load(viewModel);
    }

    public DrillsViewModel viewModel() {
        return viewModel;
    }

    public void start() {
        viewModel.start();
    }

    public void stop() {
        viewModel.stop();
    }

    public void resolve() {
        viewModel.resolve();
    }

    @Override
    public String title() {
        return "Drills";
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
