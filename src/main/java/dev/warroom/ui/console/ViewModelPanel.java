package dev.warroom.ui.console;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.scene.Node;

/**
 * The common part of a console tab: a constant title, the view model, and the view loaded once from
 * it; {@link #refresh()} refreshes the view model. A subclass keeps only what is its own: how it is
 * built, its keys, its extra commands.
 *
 * @param <M> the view model
 */
public abstract class ViewModelPanel<M> implements Panel {
    private final String title;
    private final M viewModel;
    private final Node view;
    private final Consumer<? super M> refresh;

    /**
     * @param view    the panel's root, already loaded from {@code viewModel}
     * @param refresh what the console's once-a-second {@link #refresh()} does, usually {@code M::refresh}
     */
    protected ViewModelPanel(String title, M viewModel, Node view, Consumer<? super M> refresh) {
        this.title = Objects.requireNonNull(title);
        this.viewModel = viewModel;
        this.view = view;
        this.refresh = Objects.requireNonNull(refresh);
    }

    /** @param load loads the view from the view model, e.g. {@code RunbookView::load} */
    protected ViewModelPanel(String title, M viewModel, Function<? super M, ? extends Node> load,
            Consumer<? super M> refresh) {
        this(title, viewModel, load.apply(viewModel), refresh);
    }

    public M viewModel() {
        return viewModel;
    }

    @Override
    public final String title() {
        return title;
    }

    @Override
    public final Node view() {
        return view;
    }

    @Override
    public final void refresh() {
        refresh.accept(viewModel);
    }
}
