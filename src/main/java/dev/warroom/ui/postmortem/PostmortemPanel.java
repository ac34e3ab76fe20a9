package dev.warroom.ui.postmortem;

import dev.warroom.ui.console.ConsoleServices;
import dev.warroom.ui.console.ConsoleState;
import dev.warroom.ui.console.Fxml;
import dev.warroom.ui.console.ViewModelPanel;

/**
 * The Postmortem tab: the selected incident's postmortem as Markdown with a live preview, the blame
 * check, regenerate, save and export. Ctrl+S, Ctrl+R and Ctrl+E work while the focus is in the panel;
 * the console may bind them globally to {@link #saveVersion()}, {@link #regenerate()} and {@link #export()}.
 */
public final class PostmortemPanel extends ViewModelPanel<PostmortemViewModel> {
    private final PostmortemView controller;

    public PostmortemPanel(ConsoleServices services, ConsoleState state, PostmortemVersions versions) {
        this(new PostmortemViewModel(services, state, versions));
    }

    public PostmortemPanel(PostmortemViewModel viewModel) {
        this(viewModel, PostmortemView.loadWithController(viewModel));
    }

    private PostmortemPanel(PostmortemViewModel viewModel, Fxml.Loaded<PostmortemView> loaded) {
        super("Postmortem", viewModel, loaded.root(), PostmortemViewModel::refresh);
        this.controller = loaded.controller();
    }

    public void saveVersion() {
        viewModel().saveVersion();
    }

    public void regenerate() {
        viewModel().regenerate();
    }

    /** Asks where to write the file, then exports in the background. */
    public void export() {
        controller.export();
    }
}
