package dev.warroom.ui.triage;

import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Thin controller for {@code fxml/triage/TriageView.fxml}: binds the widgets to {@link TriageViewModel}. */
public final class TriageView {
    @FXML
    private VBox root;
    @FXML
    private Label incidentLine;
    @FXML
    private Label drillTag;
    @FXML
    private TextField symptomField;
    @FXML
    private TextArea alertsField;
    @FXML
    private Label firingNote;
    @FXML
    private ListView<TriageViewModel.FiringRow> firingList;
    @FXML
    private Label suggestionsNote;
    @FXML
    private ListView<TriageViewModel.SuggestionRow> suggestionList;
    @FXML
    private VBox firstPlace;
    @FXML
    private Label firstPlaceTitle;
    @FXML
    private Label firstPlaceText;
    @FXML
    private Label firstPlaceOwner;
    @FXML
    private Button startButton;
    @FXML
    private Label startReason;
    @FXML
    private Label message;

    /** Loads the panel around {@code viewModel}; call on the FX thread. */
    public static Parent load(TriageViewModel viewModel) {
        FXMLLoader loader = new FXMLLoader(TriageView.class.getResource("/fxml/triage/TriageView.fxml"));
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load /fxml/triage/TriageView.fxml", e);
        }
        TriageView view = loader.getController();
        view.bind(viewModel);
        return root;
    }

    private void bind(TriageViewModel vm) {
        incidentLine.textProperty().bind(vm.incidentLineProperty());
        drillTag.visibleProperty().bind(vm.drillProperty());
        drillTag.managedProperty().bind(vm.drillProperty());
        vm.drillProperty().addListener((obs, was, now) -> mark(root, "drill", now));
        mark(root, "drill", vm.drillProperty().get());

        symptomField.textProperty().bindBidirectional(vm.symptomProperty());
        symptomField.setOnAction(e -> vm.nameSymptom());
        alertsField.textProperty().bindBidirectional(vm.alertsProperty());

        bindFiring(vm);

        suggestionsNote.textProperty().bind(vm.suggestionsNoteProperty());
        suggestionList.setItems(vm.suggestions());
        suggestionList.setCellFactory(list -> new SuggestionCell(list));
        suggestionList.getSelectionModel().selectedItemProperty().addListener((obs, was, row) -> {
            if (row != null) {
                vm.selectedProperty().set(row);
            }
        });
        vm.selectedProperty().addListener((obs, was, row) -> select(row));
        select(vm.selectedProperty().get());

        firstPlaceTitle.textProperty().bind(vm.firstPlaceTitleProperty());
        firstPlaceText.textProperty().bind(vm.firstPlaceTextProperty());
        firstPlaceOwner.textProperty().bind(vm.firstPlaceOwnerProperty());
        firstPlace.visibleProperty().bind(vm.firstPlaceTitleProperty().isNotEmpty());
        firstPlace.managedProperty().bind(firstPlace.visibleProperty());
        firstPlaceText.visibleProperty().bind(vm.firstPlaceTextProperty().isNotEmpty());
        firstPlaceText.managedProperty().bind(firstPlaceText.visibleProperty());
        firstPlaceOwner.visibleProperty().bind(vm.firstPlaceOwnerProperty().isNotEmpty());
        firstPlaceOwner.managedProperty().bind(firstPlaceOwner.visibleProperty());

        startButton.disableProperty().bind(vm.canStartProperty().not());
        startButton.setOnAction(e -> vm.startRunbook());
        startReason.textProperty().bind(Bindings.when(vm.startBlockedReasonProperty().isEmpty()).then("")
                .otherwise(Bindings.concat("disabled: ", vm.startBlockedReasonProperty())));
        message.textProperty().bind(vm.messageProperty());
        vm.messageErrorProperty().addListener((obs, was, now) -> mark(message, "error", now));
    }

    private void bindFiring(TriageViewModel vm) {
        firingNote.textProperty().bind(vm.firingNoteProperty());
        vm.firingStaleProperty().addListener((obs, was, now) -> mark(firingNote, "stale", now));
        mark(firingNote, "stale", vm.firingStaleProperty().get());
        firingList.setItems(vm.firing());
        firingList.setCellFactory(list -> new FiringCell());
        firingList.setFixedCellSize(FIRING_ROW);
        // as tall as its rows, up to three; the suggestions below keep the rest of the panel
        firingList.prefHeightProperty().bind(Bindings.createDoubleBinding(
                () -> Math.min(vm.firing().size(), 3) * FIRING_ROW + 4, vm.firing()));
        firingList.minHeightProperty().bind(firingList.prefHeightProperty());
        var any = Bindings.isNotEmpty(vm.firing());
        firingList.visibleProperty().bind(any);
        firingList.managedProperty().bind(any);
        // a click or Enter chooses; arrowing through the list only moves the selection
        firingList.setOnMouseClicked(e -> vm.chooseFiring(firingList.getSelectionModel().getSelectedItem()));
        firingList.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                vm.chooseFiring(firingList.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
    }

    private void select(TriageViewModel.SuggestionRow row) {
        if (row == null) {
            suggestionList.getSelectionModel().clearSelection();
        } else if (suggestionList.getSelectionModel().getSelectedItem() != row) {
            suggestionList.getSelectionModel().select(row);
        }
    }

    private static void mark(javafx.scene.Node node, String styleClass, boolean on) {
        if (on && !node.getStyleClass().contains(styleClass)) {
            node.getStyleClass().add(styleClass);
        } else if (!on) {
            node.getStyleClass().remove(styleClass);
        }
    }

    private static final double FIRING_ROW = 28;

    /** Alert name, severity (word and colour), service and runbook_url on one line. */
    private static final class FiringCell extends ListCell<TriageViewModel.FiringRow> {
        private final Label name = new Label();
        private final Label severity = new Label();
        private final Label service = new Label();
        private final Label runbookUrl = new Label();
        private final HBox line = new HBox(name, severity, service, runbookUrl);

        FiringCell() {
            getStyleClass().add("firing-cell");
            name.getStyleClass().add("firing-name");
            severity.getStyleClass().add("firing-severity");
            service.getStyleClass().add("firing-service");
            runbookUrl.getStyleClass().add("firing-runbook");
            line.getStyleClass().add("firing-line");
            line.setAlignment(Pos.BASELINE_LEFT);
            name.setMinWidth(Region.USE_PREF_SIZE);
            severity.setMinWidth(Region.USE_PREF_SIZE);
            runbookUrl.setMaxWidth(Double.MAX_VALUE);
            runbookUrl.setMinWidth(0);
            HBox.setHgrow(runbookUrl, Priority.ALWAYS);
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(TriageViewModel.FiringRow row, boolean empty) {
            super.updateItem(row, empty);
            severity.getStyleClass().removeIf(s -> s.startsWith("sev-"));
            if (empty || row == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            name.setText(row.name());
            severity.setText(row.severity());
            if (row.severityStyle() != null) {
                severity.getStyleClass().add(row.severityStyle());
            }
            service.setText(row.service() == null ? "no service label" : "service " + row.service());
            runbookUrl.setText(row.runbookUrl() == null ? "no runbook_url" : row.runbookUrl());
            setText(null);
            setGraphic(line);
        }
    }

    /** Rank, runbook id and title, the owner, the score, and the reasons wrapped underneath. */
    private static final class SuggestionCell extends ListCell<TriageViewModel.SuggestionRow> {
        private final Label rank = new Label();
        private final Label id = new Label();
        private final Label title = new Label();
        private final Label owner = new Label();
        private final Label score = new Label();
        private final Label reasons = new Label();
        private final HBox line = new HBox(rank, id, title, owner, score);
        private final VBox box = new VBox(line, reasons);

        SuggestionCell(ListView<TriageViewModel.SuggestionRow> list) {
            getStyleClass().add("suggestion-cell");
            rank.getStyleClass().add("suggestion-rank");
            id.getStyleClass().add("suggestion-id");
            title.getStyleClass().add("suggestion-title");
            owner.getStyleClass().add("suggestion-owner");
            score.getStyleClass().add("suggestion-score");
            reasons.getStyleClass().add("suggestion-reasons");
            line.getStyleClass().add("suggestion-line");
            box.getStyleClass().add("suggestion-box");
            line.setAlignment(Pos.BASELINE_LEFT);
            title.setMaxWidth(Double.MAX_VALUE);
            title.setMinWidth(0);
            HBox.setHgrow(title, Priority.ALWAYS);
            reasons.setWrapText(true);
            // wrap within the list, leaving room for the scroll bar and the rank's indent
            reasons.prefWidthProperty().bind(list.widthProperty().subtract(60));
            reasons.maxWidthProperty().bind(list.widthProperty().subtract(60));
            reasons.setMinHeight(Region.USE_PREF_SIZE);
            line.maxWidthProperty().bind(list.widthProperty().subtract(30));
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(TriageViewModel.SuggestionRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            rank.setText(row.rank() + ".");
            id.setText(row.runbookId());
            title.setText(row.title() + "  ·  " + row.steps() + " steps");
            owner.setText(row.owner() == null ? "" : "owner " + row.owner());
            score.setText("score " + row.scoreText());
            reasons.setText(row.reasonsText());
            setText(null);
            setGraphic(box);
        }
    }
}
