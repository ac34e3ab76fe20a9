package dev.warroom.ui.postmortem;

import dev.warroom.ui.console.Fxml;
import dev.warroom.postmortem.BlameCheck;
import dev.warroom.ui.markdown.MarkdownRenderer;
import java.io.File;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;

/**
 * Thin controller for {@code /fxml/postmortem/PostmortemView.fxml}: binds a
 * {@link PostmortemViewModel}, renders the preview with {@link MarkdownRenderer} a moment after the
 * typing stops, asks where to export with a {@link FileChooser}, and moves the caret to a blame
 * warning's line when one is chosen.
 */
public final class PostmortemView {
    static final String FXML = "/fxml/postmortem/PostmortemView.fxml";
    /** Long enough that the preview does not rebuild on every key, short enough to feel live. */
    private static final Duration PREVIEW_DELAY = Duration.millis(250);
    static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination REGENERATE = new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination EXPORT = new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN);

    private final PostmortemViewModel viewModel;
    private final MarkdownRenderer markdown = new MarkdownRenderer();
    private final PauseTransition previewLater = new PauseTransition(PREVIEW_DELAY);

    @FXML private BorderPane root;
    @FXML private Label incidentLabel;
    @FXML private Label drillBadge;
    @FXML private Label saveState;
    @FXML private Label newEvents;
    @FXML private Button regenerateButton;
    @FXML private Button saveButton;
    @FXML private Button exportButton;
    @FXML private TextArea editor;
    @FXML private ScrollPane previewScroll;
    @FXML private VBox preview;
    @FXML private Label warningCount;
    @FXML private ListView<BlameCheck.Warning> warnings;
    @FXML private Label status;

    private PostmortemView(PostmortemViewModel viewModel) {
        this.viewModel = viewModel;
    }


    /** Loads the panel for {@code viewModel}; call on the FX thread. */
    public static Parent load(PostmortemViewModel viewModel) {
        return loadWithController(viewModel).root();
    }

    /** The loaded panel and its controller, for {@link PostmortemPanel}'s export command. */
    static Fxml.Loaded<PostmortemView> loadWithController(PostmortemViewModel viewModel) {
        return Fxml.loadWithController(FXML, PostmortemView.class, () -> new PostmortemView(viewModel));
    }

    @FXML
    private void initialize() {
        incidentLabel.textProperty().bind(viewModel.incidentProperty());
        drillBadge.visibleProperty().bind(viewModel.drillProperty());
        drillBadge.managedProperty().bind(drillBadge.visibleProperty());
        viewModel.drillProperty().addListener((obs, was, now) -> styleClass(root, "drill", now));
        saveState.textProperty().bind(viewModel.saveStateProperty());
        viewModel.dirtyProperty().addListener((obs, was, now) -> styleClass(saveState, "dirty", now));
        styleClass(saveState, "dirty", viewModel.dirtyProperty().get());
        newEvents.textProperty().bind(Bindings.createStringBinding(() -> newEventsText(viewModel.newEventsProperty().get()),
                viewModel.newEventsProperty()));
        newEvents.visibleProperty().bind(viewModel.newEventsProperty().greaterThan(0));
        newEvents.managedProperty().bind(newEvents.visibleProperty());

        var idle = viewModel.loadedProperty().not().or(viewModel.busyProperty());
        regenerateButton.disableProperty().bind(idle);
        saveButton.disableProperty().bind(idle);
        exportButton.disableProperty().bind(idle);
        regenerateButton.setOnAction(e -> viewModel.regenerate());
        saveButton.setOnAction(e -> viewModel.saveVersion());
        exportButton.setOnAction(e -> export());

        editor.textProperty().bindBidirectional(viewModel.textProperty());
        editor.editableProperty().bind(viewModel.loadedProperty());
        editor.setPromptText("Select an incident to write its postmortem.");
        previewLater.setOnFinished(e -> renderPreview());
        viewModel.textProperty().addListener((obs, was, now) -> previewLater.playFromStart());
        viewModel.loadedProperty().addListener((obs, was, now) -> renderPreview());
        renderPreview();

        warnings.setItems(viewModel.warnings());
        warnings.setCellFactory(list -> new WarningCell());
        warnings.setOnMouseClicked(e -> goToSelectedWarning());
        warnings.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                goToSelectedWarning();
            }
        });
        warningCount.textProperty().bind(Bindings.createStringBinding(() -> warningText(viewModel.warnings().size()),
                viewModel.warnings()));
        viewModel.warnings().addListener((ListChangeListener<BlameCheck.Warning>) c ->
                styleClass(warningCount, "has-warnings", !viewModel.warnings().isEmpty()));

        status.textProperty().bind(viewModel.statusProperty());
        viewModel.statusErrorProperty().addListener((obs, was, now) -> styleClass(status, "status-error", now));

        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (SAVE.match(e)) {
                e.consume();
                viewModel.saveVersion();
            } else if (REGENERATE.match(e)) {
                e.consume();
                viewModel.regenerate();
            } else if (EXPORT.match(e)) {
                e.consume();
                export();
            }
        });
    }

    /** Asks where to write the Markdown; the view model writes it in the background. */
    void export() {
        if (!viewModel.loadedProperty().get() || viewModel.busyProperty().get()) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the postmortem");
        chooser.setInitialFileName(viewModel.suggestedFileName());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Markdown", "*.md"));
        File file = chooser.showSaveDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (file != null) {
            viewModel.export(file.toPath());
        }
    }

    private void goToSelectedWarning() {
        BlameCheck.Warning warning = warnings.getSelectionModel().getSelectedItem();
        if (warning == null) {
            return;
        }
        editor.requestFocus();
        editor.positionCaret(viewModel.offsetOfLine(warning.line()));
    }

    private void renderPreview() {
        previewLater.stop();
        double scrolled = previewScroll.getVvalue();
        preview.getChildren().setAll(markdown.render(viewModel.textProperty().get()));
        previewScroll.setVvalue(scrolled);
    }

    private static String newEventsText(int n) {
        return n == 1 ? "1 new event on the timeline" : n + " new events on the timeline";
    }

    private static String warningText(int n) {
        return n == 0 ? "no warnings" : n == 1 ? "1 warning" : n + " warnings";
    }

    private static void styleClass(javafx.scene.Node node, String styleClass, boolean on) {
        if (on && !node.getStyleClass().contains(styleClass)) {
            node.getStyleClass().add(styleClass);
        } else if (!on) {
            node.getStyleClass().remove(styleClass);
        }
    }

    /** "line 42" beside the sentence and the question that names the system gap instead. */
    private static final class WarningCell extends ListCell<BlameCheck.Warning> {
        private final Label line = new Label();
        private final Label sentence = new Label();
        private final Label suggestion = new Label();
        private final HBox box;

        WarningCell() {
            line.getStyleClass().add("blame-line");
            line.setMinWidth(Label.USE_PREF_SIZE);
            sentence.getStyleClass().add("blame-sentence");
            suggestion.getStyleClass().add("blame-suggestion");
            VBox text = new VBox(sentence, suggestion);
            text.getStyleClass().add("blame-text");
            HBox.setHgrow(text, Priority.ALWAYS);
            text.setMinWidth(0);
            box = new HBox(line, text);
            box.getStyleClass().add("blame-warning");
            setText(null);
        }

        @Override
        protected void updateItem(BlameCheck.Warning w, boolean empty) {
            super.updateItem(w, empty);
            if (empty || w == null) {
                setGraphic(null);
                return;
            }
            line.setText("line " + w.line());
            sentence.setText("\u201c" + w.trigger() + "\u201d makes " + (w.person() == null ? "a person" : w.person())
                    + " the cause: " + w.sentence());
            suggestion.setText("Ask instead: " + w.suggestion());
            setGraphic(box);
        }
    }
}
