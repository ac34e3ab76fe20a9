package dev.warroom.ui;

import dev.warroom.ui.console.Fxml;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;

/**
 * The incident board's controller: binds {@code /fxml/IncidentBoardView.fxml} to an
 * {@link IncidentBoardViewModel} and does nothing else. Layout lives in the FXML, colour and
 * spacing in {@code /styles/warroom.css}.
 */
public final class IncidentBoardView {
    static final String FXML = "/fxml/IncidentBoardView.fxml";
    /** On the root while a drill is selected, so the whole window is framed in the drill colour. */
    static final String DRILL_STYLE_CLASS = "drill";

    private final IncidentBoardViewModel viewModel;

    @FXML private BorderPane board;
    @FXML private Label severityBadge;
    @FXML private Label incidentHeadline;
    @FXML private Label stateBadge;
    @FXML private Label drillBadge;
    @FXML private TableView<IncidentRow> incidentTable;
    @FXML private TableColumn<IncidentRow, String> idColumn;
    @FXML private TableColumn<IncidentRow, IncidentRow> severityColumn;
    @FXML private TableColumn<IncidentRow, IncidentRow> stateColumn;
    @FXML private TableColumn<IncidentRow, String> titleColumn;
    @FXML private TableColumn<IncidentRow, IncidentRow> drillColumn;
    @FXML private TableColumn<IncidentRow, IncidentRow> pagingColumn;
    @FXML private TableColumn<IncidentRow, String> sliColumn;
    @FXML private TableColumn<IncidentRow, String> declaredColumn;
    @FXML private Label timelineTitle;
    @FXML private TableView<TimelineRow> timelineTable;
    @FXML private TableColumn<TimelineRow, String> seqColumn;
    @FXML private TableColumn<TimelineRow, String> timeColumn;
    @FXML private TableColumn<TimelineRow, String> sinceColumn;
    @FXML private TableColumn<TimelineRow, String> actorColumn;
    @FXML private TableColumn<TimelineRow, String> typeColumn;
    @FXML private TableColumn<TimelineRow, String> summaryColumn;
    @FXML private Label statusLine;

    /** Echoes of our own selection changes are not the person choosing an incident. */
    private boolean syncingSelection;

    private IncidentBoardView(IncidentBoardViewModel viewModel) {
        this.viewModel = viewModel;
    }

    /** Loads the board for {@code viewModel}; call on the FX thread. */
    public static Parent load(IncidentBoardViewModel viewModel) {
        return Fxml.load(FXML, IncidentBoardView.class, () -> new IncidentBoardView(viewModel));
    }

    @FXML
    private void initialize() {
        bindIncidentTable();
        bindTimelineTable();
        viewModel.selectedIncidentProperty().addListener((o, was, row) -> showSelected(row));
        drillBadge.visibleProperty().bind(viewModel.selectedDrillProperty());
        drillBadge.managedProperty().bind(drillBadge.visibleProperty());
        viewModel.selectedDrillProperty().addListener((o, was, drill) -> styleClass(board, DRILL_STYLE_CLASS, drill));
        statusLine.textProperty().bind(viewModel.statusProperty());
        viewModel.statusErrorProperty().addListener((o, was, error) -> styleClass(statusLine, "status-error", error));
        showSelected(viewModel.getSelectedIncident());
    }

    private void bindIncidentTable() {
        text(idColumn, IncidentRow::id);
        severityColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        severityColumn.setCellFactory(c -> new StyledCell<>(IncidentRow::severityLabel, IncidentRow::severityStyleClass));
        stateColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        stateColumn.setCellFactory(c -> new StyledCell<>(IncidentRow::stateLabel, IncidentRow::stateStyleClass));
        text(titleColumn, IncidentRow::title);
        titleColumn.setCellFactory(c -> new FullTextCell<>());
        drillColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        drillColumn.setCellFactory(c -> new StyledCell<>(r -> r.drill() ? "DRILL" : "live",
                r -> r.drill() ? "kind-drill" : "kind-live"));
        pagingColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        pagingColumn.setCellFactory(c -> new StyledCell<>(IncidentRow::paging, IncidentRow::pagingStyleClass));
        text(sliColumn, IncidentRow::sli);
        text(declaredColumn, IncidentRow::declared);

        incidentTable.setItems(viewModel.incidents());
        incidentTable.getSelectionModel().selectedItemProperty().addListener((o, was, row) -> {
            if (!syncingSelection && row != null) {
                viewModel.select(row);
            }
        });
        // Replacing the rows clears the table's selection even when the selected incident is unchanged.
        viewModel.incidents().addListener((ListChangeListener<IncidentRow>) c -> selectInTable(viewModel.getSelectedIncident()));
    }

    private void bindTimelineTable() {
        text(seqColumn, r -> Long.toString(r.seq()));
        text(timeColumn, TimelineRow::time);
        text(sinceColumn, TimelineRow::sinceDeclared);
        text(actorColumn, TimelineRow::actor);
        text(typeColumn, TimelineRow::type);
        text(summaryColumn, TimelineRow::summary);
        summaryColumn.setCellFactory(c -> new FullTextCell<>());
        timelineTable.setItems(viewModel.timelineRows());
    }

    private void showSelected(IncidentRow row) {
        selectInTable(row);
        severityBadge.setVisible(row != null);
        stateBadge.setVisible(row != null);
        if (row == null) {
            incidentHeadline.setText("no incident selected");
            timelineTitle.setText("TIMELINE");
            return;
        }
        badge(severityBadge, row.severityLabel(), row.severityStyleClass());
        badge(stateBadge, row.stateLabel(), row.stateStyleClass());
        incidentHeadline.setText(row.id() + "  " + row.title());
        timelineTitle.setText("TIMELINE · " + row.id());
    }

    private void selectInTable(IncidentRow row) {
        if (incidentTable.getSelectionModel().getSelectedItem() == row) {
            return;
        }
        syncingSelection = true;
        try {
            if (row == null) {
                incidentTable.getSelectionModel().clearSelection();
            } else {
                incidentTable.getSelectionModel().select(row);
            }
        } finally {
            syncingSelection = false;
        }
    }

    /** Replaces the badge's severity or state class, keeping its other classes. */
    private static void badge(Label badge, String text, String styleClass) {
        badge.setText(text);
        badge.getStyleClass().removeIf(c -> c.startsWith("sev-") || c.startsWith("state-"));
        badge.getStyleClass().add(styleClass);
    }

    private static void styleClass(Node node, String styleClass, boolean on) {
        node.getStyleClass().remove(styleClass);
        if (on) {
            node.getStyleClass().add(styleClass);
        }
    }

    private static <S> void text(TableColumn<S, String> column, Function<S, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
    }
}
