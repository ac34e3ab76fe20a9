package dev.warroom.ui.settings;

import dev.warroom.ui.console.ConsoleServices;
import dev.warroom.ui.console.ConsoleState;
import dev.warroom.ui.console.ViewModelPanel;
import java.nio.file.Path;

/** The Settings tab; only the data source's health view changes by itself, so only it is refreshed. */
public final class SettingsPanel extends ViewModelPanel<SettingsViewModel> {

    /** @param runbookFolder the folder the app loaded runbooks from (--runbooks / WARROOM_RUNBOOKS), or null */
    public SettingsPanel(ConsoleServices services, ConsoleState state, Path runbookFolder) {
        super("Settings", new SettingsViewModel(services, state, runbookFolder), SettingsView::load,
                // policies and paths are read at start; a folder check reports through its own properties
                viewModel -> viewModel.dataSource().refresh());
    }
}
