package dev.warroom.ui.postmortem;

import dev.warroom.ui.console.ConsoleServices;
import dev.warroom.ui.console.ConsoleState;
import dev.warroom.ui.console.Panel;
import javafx.scene.Node;

/**
 * The Postmortem tab: the selected incident's postmortem as Markdown with a live preview, the blame
 * check, regenerate, save and export. Ctrl+S, Ctrl+R and Ctrl+E work while the focus is in the panel;
 * the console may bind them globally to {@link #saveVersion()}, {@link #regenerate()} and {@link #export()}.
 */
public final class PostmortemPanel implements Panel {
    private final PostmortemViewModel viewModel;
    private final PostmortemView controller;
    private final Node view;

    public PostmortemPanel(ConsoleServices services, ConsoleState state, PostmortemVersions versions) {
        this(new PostmortemViewModel(services, state, versions));
    }

    public PostmortemPanel(PostmortemViewModel viewModel) {
        this.viewModel = viewModel;
        var loaded = PostmortemView.loadWithController(viewModel);
        this.view = loaded.root();
        this.controller = loaded.controller();
    }

    public PostmortemViewModel viewModel() {
        return viewModel;
    }

    @Override
    public String title() {
        return "Postmortem";
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public void refresh() {
        viewModel.refresh();
    }

    public void saveVersion() {
        viewModel.saveVersion();
    }

    public void regenerate() {
        viewModel.regenerate();
    }

    /** Asks where to write the file, then exports in the background. */
    public void export() {
        controller.export();
    }
}
