package dev.warroom.ui.settings;

import dev.warroom.ui.console.Fxml;
import dev.warroom.ui.console.Theme;
import dev.warroom.ui.console.LongAction;
import java.io.File;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;

/** Thin controller for {@code /fxml/settings/SettingsView.fxml}: binds a {@link SettingsViewModel}. */
public final class SettingsView {
    static final String FXML = "/fxml/settings/SettingsView.fxml";

    private final SettingsViewModel vm;

    @FXML private VBox root;
    @FXML private Label storePath;
    @FXML private Label runbookFolder;
    @FXML private Label runbookSummary;
    @FXML private Button checkFolder;
    @FXML private ProgressBar folderProgress;
    @FXML private Button cancelCheck;
    @FXML private Label folderNote;
    @FXML private ToggleButton dark;
    @FXML private ToggleButton light;
    @FXML private Label escalationSummary;
    @FXML private TableView<SettingsViewModel.LevelRow> levels;
    @FXML private TableColumn<SettingsViewModel.LevelRow, String> levelColumn;
    @FXML private TableColumn<SettingsViewModel.LevelRow, String> personColumn;
    @FXML private TableColumn<SettingsViewModel.LevelRow, String> roleColumn;
    @FXML private TableColumn<SettingsViewModel.LevelRow, String> contactColumn;
    @FXML private TableColumn<SettingsViewModel.LevelRow, String> delayColumn;
    @FXML private Label businessHours;
    @FXML private TableView<SettingsViewModel.SeverityRow> severities;
    @FXML private TableColumn<SettingsViewModel.SeverityRow, SettingsViewModel.SeverityRow> sevColumn;
    @FXML private TableColumn<SettingsViewModel.SeverityRow, String> ackColumn;
    @FXML private TableColumn<SettingsViewModel.SeverityRow, String> pagesColumn;
    @FXML private TableColumn<SettingsViewModel.SeverityRow, String> statusColumn;
    @FXML private TableColumn<SettingsViewModel.SeverityRow, String> postmortemColumn;
    @FXML private TableColumn<SettingsViewModel.SeverityRow, String> goodColumn;

    private SettingsView(SettingsViewModel vm) {
        this.vm = vm;
    }

    /** Loads the panel for {@code vm}; call on the FX thread. */
    public static Parent load(SettingsViewModel vm) {
        return Fxml.load(FXML, SettingsView.class, () -> new SettingsView(vm));
    }

    @FXML
    private void initialize() {
        storePath.setText(vm.storePath());
        runbookFolder.textProperty().bind(vm.runbookFolderProperty());
        runbookSummary.textProperty().bind(vm.runbookSummaryProperty());
        LongAction check = vm.folderCheck();
        checkFolder.disableProperty().bind(check.runningProperty());
        checkFolder.setOnAction(e -> chooseFolder());
        folderProgress.progressProperty().bind(check.progressProperty());
        folderProgress.visibleProperty().bind(check.runningProperty());
        cancelCheck.visibleProperty().bind(check.runningProperty());
        cancelCheck.managedProperty().bind(check.runningProperty());
        cancelCheck.setOnAction(e -> check.cancel());
        folderNote.textProperty().bind(javafx.beans.binding.Bindings.when(check.runningProperty())
                .then(check.messageProperty()).otherwise(vm.folderNoteProperty()));

        ToggleGroup themes = new ToggleGroup();
        dark.setToggleGroup(themes);
        light.setToggleGroup(themes);
        dark.setUserData(Theme.DARK);
        light.setUserData(Theme.LIGHT);
        showTheme(vm.themeProperty().get());
        vm.themeProperty().addListener((obs, was, theme) -> showTheme(theme));
        themes.selectedToggleProperty().addListener((obs, was, now) -> {
            if (now == null) {
                was.setSelected(true);
            } else if (vm.themeProperty().get() != now.getUserData()) {
                vm.themeProperty().set((Theme) now.getUserData());
            }
        });

        escalationSummary.setText(vm.escalationSummary());
        levels.setItems(vm.levels());
        text(levelColumn, SettingsViewModel.LevelRow::level);
        text(personColumn, SettingsViewModel.LevelRow::person);
        text(roleColumn, SettingsViewModel.LevelRow::role);
        text(contactColumn, SettingsViewModel.LevelRow::contact);
        text(delayColumn, SettingsViewModel.LevelRow::escalatesAfter);
        levels.setFixedCellSize(30);
        levels.prefHeightProperty().bind(levels.fixedCellSizeProperty().multiply(vm.levels().size()).add(34));

        businessHours.setText(vm.businessHours());
        severities.setItems(vm.severities());
        sevColumn.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
        sevColumn.setCellFactory(c -> new SeverityCell());
        text(ackColumn, SettingsViewModel.SeverityRow::ack);
        text(pagesColumn, SettingsViewModel.SeverityRow::pages);
        text(statusColumn, SettingsViewModel.SeverityRow::statusUpdates);
        text(postmortemColumn, SettingsViewModel.SeverityRow::postmortem);
        text(goodColumn, SettingsViewModel.SeverityRow::goodLooksLike);
        severities.setFixedCellSize(34);
        severities.prefHeightProperty().bind(severities.fixedCellSizeProperty().multiply(vm.severities().size()).add(34));
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("A runbook folder to check");
        File dir = chooser.showDialog(root.getScene().getWindow());
        if (dir != null) {
            vm.checkFolder(dir.toPath());
        }
    }

    private void showTheme(Theme theme) {
        (theme == Theme.DARK ? dark : light).setSelected(true);
    }

    private static <R> void text(TableColumn<R, String> column, Function<R, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
    }

    /** The severity as a word in its colour. */
    private static final class SeverityCell extends TableCell<SettingsViewModel.SeverityRow, SettingsViewModel.SeverityRow> {
        @Override
        protected void updateItem(SettingsViewModel.SeverityRow row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().removeIf(s -> s.startsWith("sev-"));
            if (empty || row == null) {
                setText(null);
                return;
            }
            setText(row.severity());
            getStyleClass().add(row.styleClass());
        }
    }
}
