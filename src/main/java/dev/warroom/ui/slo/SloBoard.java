package dev.warroom.ui.slo;

import dev.warroom.ui.console.ConsoleServices;
import dev.warroom.ui.console.ConsoleState;
import javafx.scene.Parent;

/**
 * The SLO board as the console wires it: the view for the console's left slot and the refresh to
 * call from the console's once-a-second ticker. Not a tab, so not a {@code Panel}.
 */
public final class SloBoard {
    private final SloBoardViewModel viewModel;
    private final Parent view;

    public SloBoard(SloBoardViewModel viewModel) {
        this.viewModel = viewModel;
        this.view = SloBoardView.load(viewModel);
    }

    /** The board over the drill being played in {@code state}; call on the FX thread. */
    public static SloBoard forDrill(ConsoleServices services, ConsoleState state) {
        return new SloBoard(new SloBoardViewModel(new DrillSloFeed(state), services.background(), services.fxThread()));
    }

    /**
     * The console's board: the drill being played in {@code state} while there is one, the live SLOs
     * of {@link ConsoleServices#dataSource()} otherwise; call on the FX thread.
     */
    public static SloBoard forConsole(ConsoleServices services, ConsoleState state) {
        SloFeed feed = new ConsoleSloFeed(new DrillSloFeed(state), new LiveSloFeed(services.dataSource()::monitor));
        return new SloBoard(new SloBoardViewModel(feed, services.background(), services.fxThread()));
    }

    public Parent view() {
        return view;
    }

    public SloBoardViewModel viewModel() {
        return viewModel;
    }

    /** Reads the feed in the background and updates the tiles; call on the FX thread. */
    public void refresh() {
        viewModel.refresh();
    }
}
