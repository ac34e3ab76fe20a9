package dev.warroom.ui.handoff;

import dev.warroom.ui.console.Fxml;
import dev.warroom.ui.console.LongAction;
import java.io.File;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** Thin controller for {@code /fxml/handoff/HandoffView.fxml}: binds a {@link HandoffViewModel}. */
public final class HandoffView {
    static final String FXML = "/fxml/handoff/HandoffView.fxml";

    private final HandoffViewModel vm;

    @FXML private BorderPane root;
    @FXML private Label weekTitle;
    @FXML private CheckBox includeDrills;
    @FXML private Label versionLine;
    @FXML private VBox document;
    @FXML private Label openTitle;
    @FXML private VBox openBox;
    @FXML private Label resolvedTitle;
    @FXML private VBox resolvedBox;
    @FXML private TextField author;
    @FXML private Button saveButton;
    @FXML private Button exportButton;
    @FXML private ProgressBar exportProgress;
    @FXML private Button cancelExport;
    @FXML private Label exportMessage;
    @FXML private ListView<HandoffViewModel.VersionRow> history;
    @FXML private Label checklistSummary;
    @FXML private TextField person;
    @FXML private VBox checklist;
    @FXML private Label message;

    private HandoffView(HandoffViewModel vm) {
        this.vm = vm;
    }

    /** Loads the panel for {@code vm}; call on the FX thread. */
    public static Parent load(HandoffViewModel vm) {
        return Fxml.load(FXML, HandoffView.class, () -> new HandoffView(vm));
    }

    @FXML
    private void initialize() {
        weekTitle.textProperty().bind(vm.weekTitleProperty());
        includeDrills.selectedProperty().bindBidirectional(vm.includeDrillsProperty());
        versionLine.textProperty().bind(vm.versionLineProperty());
        vm.unsavedProperty().addListener((obs, was, now) -> mark(versionLine, "unsaved", now));
        mark(versionLine, "unsaved", vm.unsavedProperty().get());

        openTitle.setText(vm.sectionTitle("open-incidents"));
        resolvedTitle.setText(vm.sectionTitle("recently-resolved"));
        vm.openIncidents().addListener((ListChangeListener<HandoffViewModel.IncidentLine>) c ->
                lines(openBox, vm.openIncidents(), vm.emptyText("open-incidents")));
        vm.recentlyResolved().addListener((ListChangeListener<HandoffViewModel.IncidentLine>) c ->
                lines(resolvedBox, vm.recentlyResolved(), vm.emptyText("recently-resolved")));
        lines(openBox, vm.openIncidents(), vm.emptyText("open-incidents"));
        lines(resolvedBox, vm.recentlyResolved(), vm.emptyText("recently-resolved"));
        for (HandoffViewModel.Section s : vm.sections()) {
            Label title = new Label(s.title());
            title.getStyleClass().add("handoff-section-title");
            TextArea text = new TextArea();
            text.setId("section-" + s.key());
            text.getStyleClass().add("handoff-text");
            text.setPromptText(s.hint());
            text.setWrapText(true);
            text.setPrefRowCount(3);
            text.textProperty().bindBidirectional(s.textProperty());
            document.getChildren().addAll(title, text);
        }

        author.textProperty().bindBidirectional(vm.authorProperty());
        saveButton.disableProperty().bind(vm.unsavedProperty().not().or(vm.busyProperty()));
        saveButton.setOnAction(e -> vm.save());

        LongAction export = vm.exportAction();
        exportButton.disableProperty().bind(export.runningProperty());
        exportButton.setOnAction(e -> chooseExportFile());
        exportProgress.progressProperty().bind(export.progressProperty());
        exportProgress.visibleProperty().bind(export.runningProperty());
        cancelExport.visibleProperty().bind(export.runningProperty());
        cancelExport.managedProperty().bind(export.runningProperty());
        cancelExport.setOnAction(e -> export.cancel());
        exportMessage.textProperty().bind(export.messageProperty());

        history.setItems(vm.history());
        history.setCellFactory(list -> new VersionCell());
        history.setPlaceholder(new Label("No saved version this week."));

        checklistSummary.textProperty().bind(vm.checklistSummaryProperty());
        person.textProperty().bindBidirectional(vm.personProperty());
        vm.checklist().addListener((ListChangeListener<HandoffViewModel.ChecklistRow>) c -> fillChecklist());
        fillChecklist();

        message.textProperty().bind(vm.messageProperty());
        message.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
    }

    /** The FileChooser belongs to the view; the view model only ever sees the path. */
    private void chooseExportFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the handoff as Markdown");
        chooser.setInitialFileName("handoff-" + vm.weekTitleProperty().get().replaceAll("^Week of (\\S+).*", "$1")
                + ".md");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Markdown", "*.md"));
        File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file != null) {
            vm.exportTo(file.toPath());
        }
    }

    private static void lines(VBox box, List<HandoffViewModel.IncidentLine> lines, String empty) {
        box.getChildren().clear();
        if (lines.isEmpty()) {
            Label none = new Label(empty);
            none.getStyleClass().add("handoff-empty");
            box.getChildren().add(none);
            return;
        }
        for (HandoffViewModel.IncidentLine l : lines) {
            Label id = new Label(l.id());
            id.getStyleClass().add("handoff-incident-id");
            Label sev = new Label(l.severity());
            sev.getStyleClass().addAll("handoff-severity", l.severityStyleClass());
            HBox row = new HBox(8, id, sev);
            if (l.drill()) {
                Label drill = new Label("DRILL");
                drill.getStyleClass().add("handoff-drill");
                row.getChildren().add(drill);
            }
            row.getChildren().forEach(n -> ((Label) n).setMinWidth(Label.USE_PREF_SIZE));
            Label text = new Label(l.text());
            text.getStyleClass().add("handoff-line-text");
            text.setWrapText(true);
            text.setMinHeight(Label.USE_PREF_SIZE);
            HBox.setHgrow(text, Priority.ALWAYS);
            row.getChildren().add(text);
            row.getStyleClass().add("handoff-line");
            box.getChildren().add(row);
        }
    }

    private void fillChecklist() {
        checklist.getChildren().clear();
        for (HandoffViewModel.ChecklistRow row : vm.checklist()) {
            CheckBox box = new CheckBox(row.text());
            box.setId("check-" + row.id());
            box.getStyleClass().add("handoff-check");
            box.setWrapText(true);
            box.setMinHeight(CheckBox.USE_PREF_SIZE);
            box.setSelected(row.done());
            // an ack is a record of what was done: it stays, so a done item is not un-ticked here
            box.setDisable(row.done());
            box.setOnAction(e -> vm.ack(row.id()));
            VBox item = new VBox(1, box);
            if (row.done()) {
                Label when = new Label(row.ackedAt());
                when.getStyleClass().add("handoff-acked");
                item.getChildren().add(when);
            }
            checklist.getChildren().add(item);
        }
    }

    private static void mark(Label label, String styleClass, boolean on) {
        label.getStyleClass().remove(styleClass);
        if (on) {
            label.getStyleClass().add(styleClass);
        }
    }

    private static final class VersionCell extends ListCell<HandoffViewModel.VersionRow> {
        @Override
        protected void updateItem(HandoffViewModel.VersionRow row, boolean empty) {
            super.updateItem(row, empty);
            setText(empty || row == null ? null : row.version() + "  " + row.savedAt() + "  " + row.author() + ": "
                    + row.changes());
        }
    }
}
