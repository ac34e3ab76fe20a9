package dev.warroom.ui.timeline;

import dev.warroom.ui.console.Fxml;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.SetChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;

/**
 * Thin controller for {@code /fxml/timeline/TimelineView.fxml}: binds a {@link TimelineViewModel}
 * and builds the type chips from its types. Enter in the note field adds the note; the focus stays
 * (or comes back) there so the scribe never reaches for the mouse.
 */
public final class TimelineView {
    static final String FXML = "/fxml/timeline/TimelineView.fxml";

    private final TimelineViewModel viewModel;

    @FXML private BorderPane root;
    @FXML private Label incidentLabel;
    @FXML private Label drillBadge;
    @FXML private Label countLabel;
    @FXML private FlowPane typeChips;
    @FXML private TableView<TimelineEntry> table;
    @FXML private Label placeholder;
    @FXML private TableColumn<TimelineEntry, String> seqColumn;
    @FXML private TableColumn<TimelineEntry, String> timeColumn;
    @FXML private TableColumn<TimelineEntry, String> sinceColumn;
    @FXML private TableColumn<TimelineEntry, String> actorColumn;
    @FXML private TableColumn<TimelineEntry, String> typeColumn;
    @FXML private TableColumn<TimelineEntry, String> summaryColumn;
    @FXML private Label youLabel;
    @FXML private TextField noteField;
    @FXML private Button addButton;
    @FXML private Label noteError;

    private TimelineView(TimelineViewModel viewModel) {
        this.viewModel = viewModel;
    }

    /** Loads the panel for {@code viewModel}; call on the FX thread. */
    public static Parent load(TimelineViewModel viewModel) {
        return Fxml.load(FXML, TimelineView.class, () -> new TimelineView(viewModel));
    }

    @FXML
    private void initialize() {
        incidentLabel.textProperty().bind(viewModel.incidentProperty());
        drillBadge.visibleProperty().bind(viewModel.drillProperty());
        drillBadge.managedProperty().bind(drillBadge.visibleProperty());
        viewModel.drillProperty().addListener((obs, was, now) -> styleClass(root, "drill", now));
        countLabel.textProperty().bind(viewModel.countProperty());
        placeholder.textProperty().bind(Bindings.when(viewModel.incidentProperty().isEmpty())
                .then("Select an incident to follow its timeline.").otherwise("No events of the chosen types."));

        bindTable();
        viewModel.types().addListener((ListChangeListener<String>) c -> buildChips());
        viewModel.selectedTypes().addListener((SetChangeListener<String>) c -> syncChips());
        buildChips();

        youLabel.textProperty().bind(Bindings.concat("Note as ", viewModel.youProperty()));
        noteField.textProperty().bindBidirectional(viewModel.noteProperty());
        noteField.setPromptText("What just happened? Enter adds it to the timeline");
        noteField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                e.consume();
                viewModel.addNote();
            } else if (e.getCode() == KeyCode.ESCAPE && noteField.getText().isEmpty()) {
                table.requestFocus();
            }
        });
        addButton.setOnAction(e -> viewModel.addNote());
        addButton.disableProperty().bind(viewModel.writingProperty().or(viewModel.incidentProperty().isEmpty()));
        noteError.textProperty().bind(viewModel.noteErrorProperty().concat(viewModel.readErrorProperty()));
        noteError.visibleProperty().bind(noteError.textProperty().isNotEmpty());
        noteError.managedProperty().bind(noteError.visibleProperty());
        viewModel.focusNoteRequestsProperty().addListener((obs, was, now) -> noteField.requestFocus());
    }

    private void bindTable() {
        text(seqColumn, e -> Long.toString(e.seq()));
        text(timeColumn, TimelineEntry::time);
        text(sinceColumn, TimelineEntry::sinceDeclared);
        text(actorColumn, TimelineEntry::actor);
        text(typeColumn, TimelineEntry::typeLabel);
        text(summaryColumn, TimelineEntry::summary);
        summaryColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                boolean blank = empty || item == null || item.isEmpty();
                setText(blank ? null : item);
                setTooltip(blank ? null : new Tooltip(item));
            }
        });
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(TimelineEntry entry, boolean empty) {
                super.updateItem(entry, empty);
                styleClass(this, "timeline-note", !empty && entry != null && entry.isNote());
            }
        });
        table.setItems(viewModel.visibleEntries());
        // The newest event is what the room is talking about: keep it in view as rows arrive.
        viewModel.visibleEntries().addListener((ListChangeListener<TimelineEntry>) c -> {
            while (c.next()) {
                if (c.wasAdded() && !c.wasRemoved()) {
                    // After the table has taken the new rows in, or it scrolls to a row it does not have yet.
                    Platform.runLater(() -> table.scrollTo(viewModel.visibleEntries().size() - 1));
                }
            }
        });
    }

    private void buildChips() {
        typeChips.getChildren().clear();
        typeChips.getChildren().add(chip("all", "All", viewModel::showAllTypes));
        for (String type : viewModel.types()) {
            typeChips.getChildren().add(chip(type, TimelineEntry.label(type), () -> viewModel.toggleType(type)));
        }
        syncChips();
    }

    private ToggleButton chip(String type, String text, Runnable action) {
        ToggleButton chip = new ToggleButton(text);
        chip.getStyleClass().add("type-chip");
        chip.setUserData(type);
        chip.setId("chip-" + type);
        chip.setOnAction(e -> {
            action.run();
            syncChips();
            viewModel.focusNote();
        });
        return chip;
    }

    /** The chips show the view model's choice, whatever a click did to the button itself. */
    private void syncChips() {
        for (var node : typeChips.getChildren()) {
            ToggleButton chip = (ToggleButton) node;
            String type = (String) chip.getUserData();
            chip.setSelected("all".equals(type) ? viewModel.showingAllProperty().get()
                    : viewModel.selectedTypes().contains(type));
        }
    }

    private static void text(TableColumn<TimelineEntry, String> column, Function<TimelineEntry, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
    }

    private static void styleClass(javafx.scene.Node node, String styleClass, boolean on) {
        if (on && !node.getStyleClass().contains(styleClass)) {
            node.getStyleClass().add(styleClass);
        } else if (!on) {
            node.getStyleClass().remove(styleClass);
        }
    }
}
