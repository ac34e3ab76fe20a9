package dev.warroom.ui.settings;

import dev.warroom.ui.console.ConsoleServices;
import dev.warroom.ui.console.ConsoleState;
import dev.warroom.ui.console.Panel;
import java.nio.file.Path;
import javafx.scene.Node;

/** The Settings tab; only the data source's health view changes by itself, so only it is refreshed. */
public final class SettingsPanel implements Panel {
    private final SettingsViewModel viewModel;
    private final Node view;

    /** @param runbookFolder the folder the app loaded runbooks from (--runbooks / WARROOM_RUNBOOKS), or null */
    public SettingsPanel(ConsoleServices services, ConsoleState state, Path runbookFolder) {
        this.viewModel = new SettingsViewModel(services, state, runbookFolder);
        this.view = SettingsView.load(viewModel);
    }

    public SettingsViewModel viewModel() {
        return viewModel;
    }

    @Override
    public String title() {
        return "Settings";
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public void refresh() {
        // policies and paths are read at start; a folder check reports through its own properties
        viewModel.dataSource().refresh();
    }
}
