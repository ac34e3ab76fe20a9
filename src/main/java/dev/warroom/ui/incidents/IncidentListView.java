package dev.warroom.ui.incidents;

import dev.warroom.ui.console.Fxml;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * Thin controller for {@code /fxml/incidents/IncidentListView.fxml}: binds an
 * {@link IncidentListViewModel} and does nothing else. Colour and spacing in {@code /styles/console.css}.
 */
public final class IncidentListView {
    static final String FXML = "/fxml/incidents/IncidentListView.fxml";

    private final IncidentListViewModel viewModel;

    @FXML private TableView<IncidentRow> incidentTable;
    @FXML private TableColumn<IncidentRow, String> idColumn;
    @FXML private TableColumn<IncidentRow, IncidentRow> severityColumn;
    @FXML private TableColumn<IncidentRow, IncidentRow> stateColumn;
    @FXML private TableColumn<IncidentRow, String> titleColumn;
    @FXML private TableColumn<IncidentRow, IncidentRow> drillColumn;
    @FXML private TableColumn<IncidentRow, IncidentRow> pagingColumn;
    @FXML private TableColumn<IncidentRow, String> sliColumn;
    @FXML private TableColumn<IncidentRow, String> declaredColumn;
    @FXML private Label statusLine;

    /** Echoes of our own selection changes are not the person choosing an incident. */
    private boolean syncingSelection;

    private IncidentListView(IncidentListViewModel viewModel) {
        this.viewModel = viewModel;
    }

    /** Loads the list for {@code viewModel}; call on the FX thread. */
    public static Parent load(IncidentListViewModel viewModel) {
        return Fxml.load(FXML, IncidentListView.class, () -> new IncidentListView(viewModel));
    }

    @FXML
    private void initialize() {
        bindColumns();
        incidentTable.setItems(viewModel.incidents());
        incidentTable.getSelectionModel().selectedItemProperty().addListener((o, was, row) -> {
            if (!syncingSelection && row != null) {
                viewModel.select(row);
            }
        });
        // Replacing the rows clears the table's selection even when the selected incident is unchanged.
        viewModel.incidents().addListener((ListChangeListener<IncidentRow>) c -> selectInTable(viewModel.getSelectedIncident()));
        viewModel.selectedIncidentProperty().addListener((o, was, row) -> selectInTable(row));
        selectInTable(viewModel.getSelectedIncident());

        statusLine.textProperty().bind(viewModel.statusProperty());
        viewModel.statusErrorProperty().addListener((o, was, error) -> {
            statusLine.getStyleClass().remove("status-error");
            if (error) {
                statusLine.getStyleClass().add("status-error");
            }
        });
    }

    private void bindColumns() {
        text(idColumn, IncidentRow::id);
        severityColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        severityColumn.setCellFactory(c -> new StyledCell<>(IncidentRow::severityLabel, IncidentRow::severityStyleClass));
        stateColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        stateColumn.setCellFactory(c -> new StyledCell<>(IncidentRow::stateLabel, IncidentRow::stateStyleClass));
        text(titleColumn, IncidentRow::title);
        titleColumn.setCellFactory(c -> new FullTextCell<>());
        drillColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        drillColumn.setCellFactory(c -> new StyledCell<>(IncidentRow::kindLabel, IncidentRow::kindStyleClass));
        pagingColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        pagingColumn.setCellFactory(c -> new StyledCell<>(IncidentRow::paging, IncidentRow::pagingStyleClass));
        text(sliColumn, IncidentRow::sli);
        text(declaredColumn, IncidentRow::declared);
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

    private static void text(TableColumn<IncidentRow, String> column, Function<IncidentRow, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
    }
}
