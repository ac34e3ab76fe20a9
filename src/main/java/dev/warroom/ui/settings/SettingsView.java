package dev.warroom.ui.settings;

import dev.warroom.ui.console.Fxml;
import dev.warroom.ui.console.Theme;
import dev.warroom.ui.console.LongAction;
import java.io.File;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import dev.warroom.metrics.GrafanaSource;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;
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
    @FXML private ToggleButton prometheus;
    @FXML private ToggleButton grafana;
    @FXML private TextField pollInterval;
    @FXML private TextField url;
    @FXML private HBox grafanaRow;
    @FXML private TextField grafanaUid;
    @FXML private ToggleButton proxyMode;
    @FXML private ToggleButton dsQueryMode;
    @FXML private CheckBox annotations;
    @FXML private ToggleButton noAuth;
    @FXML private ToggleButton basicAuth;
    @FXML private ToggleButton bearerAuth;
    @FXML private TextField user;
    @FXML private HBox tokenRow;
    @FXML private Label tokenLabel;
    @FXML private Label tokenFile;
    @FXML private Button chooseToken;
    @FXML private Label caFile;
    @FXML private Button chooseCa;
    @FXML private Button clearCa;
    @FXML private Label sloFiles;
    @FXML private Button chooseSlos;
    @FXML private Button connect;
    @FXML private ProgressBar connectProgress;
    @FXML private Button cancelConnect;
    @FXML private Label connectMessage;
    @FXML private Label server;
    @FXML private Label ready;
    @FXML private Label requestsPerPoll;
    @FXML private Label recordingRules;
    @FXML private Label lastPoll;
    @FXML private Label lastError;
    @FXML private Label webhookHealth;
    @FXML private Label alertmanagerHealth;
    @FXML private Label annotationsLabel;
    @FXML private Label annotationsHealth;
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
        bindDataSource(vm.dataSource());
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

    private void bindDataSource(DataSourceViewModel ds) {
        choice(ds.kindProperty(), prometheus, DataSourceSettings.Kind.PROMETHEUS, grafana, DataSourceSettings.Kind.GRAFANA);
        choice(ds.grafanaModeProperty(), proxyMode, GrafanaSource.Mode.PROXY, dsQueryMode, GrafanaSource.Mode.DS_QUERY);
        choice(ds.authProperty(), noAuth, DataSourceSettings.Auth.NONE, basicAuth, DataSourceSettings.Auth.BASIC,
                bearerAuth, DataSourceSettings.Auth.BEARER);
        url.textProperty().bindBidirectional(ds.urlProperty());
        pollInterval.textProperty().bindBidirectional(ds.pollIntervalProperty());
        grafanaUid.textProperty().bindBidirectional(ds.grafanaUidProperty());
        user.textProperty().bindBidirectional(ds.userProperty());
        var isGrafana = ds.kindProperty().isEqualTo(DataSourceSettings.Kind.GRAFANA);
        grafanaRow.visibleProperty().bind(isGrafana);
        grafanaRow.managedProperty().bind(isGrafana);
        var isBasic = ds.authProperty().isEqualTo(DataSourceSettings.Auth.BASIC);
        user.visibleProperty().bind(isBasic);
        user.managedProperty().bind(isBasic);
        var needsFile = ds.authProperty().isNotEqualTo(DataSourceSettings.Auth.NONE);
        tokenRow.visibleProperty().bind(needsFile);
        tokenRow.managedProperty().bind(needsFile);
        tokenLabel.textProperty().bind(Bindings.when(isBasic).then("Password file").otherwise("Token file"));
        tokenFile.textProperty().bind(Bindings.createStringBinding(() -> ds.tokenFileProperty().get() == null
                ? "none chosen (a file of its own, chmod 600)" : ds.tokenFileProperty().get().toString(), ds.tokenFileProperty()));
        caFile.textProperty().bind(Bindings.createStringBinding(() -> ds.caFileProperty().get() == null
                ? "the system's CAs" : ds.caFileProperty().get().toString(), ds.caFileProperty()));
        clearCa.visibleProperty().bind(ds.caFileProperty().isNotNull());
        clearCa.managedProperty().bind(clearCa.visibleProperty());
        sloFiles.textProperty().bind(Bindings.createStringBinding(
                () -> DataSourceViewModel.fileNames(ds.sloFilesProperty().get()), ds.sloFilesProperty()));
        chooseToken.setOnAction(e -> chooseFile(ds.tokenFileProperty(), "The file holding the token or password"));
        chooseCa.setOnAction(e -> chooseFile(ds.caFileProperty(), "A PEM file of the CA to trust"));
        clearCa.setOnAction(e -> ds.caFileProperty().set(null));
        chooseSlos.setOnAction(e -> chooseSlos(ds));

        LongAction connecting = ds.connecting();
        connect.disableProperty().bind(connecting.runningProperty());
        connect.setOnAction(e -> ds.connect());
        connectProgress.progressProperty().bind(connecting.progressProperty());
        connectProgress.visibleProperty().bind(connecting.runningProperty());
        cancelConnect.visibleProperty().bind(connecting.runningProperty());
        cancelConnect.managedProperty().bind(connecting.runningProperty());
        cancelConnect.setOnAction(e -> connecting.cancel());
        connectMessage.textProperty().bind(Bindings.when(connecting.runningProperty())
                .then(connecting.messageProperty()).otherwise(ds.messageProperty()));
        connectMessage.visibleProperty().bind(connectMessage.textProperty().isNotEmpty());
        connectMessage.managedProperty().bind(connectMessage.visibleProperty());
        ds.failedProperty().addListener((obs, was, failed) -> styleFailure(failed));
        styleFailure(ds.failedProperty().get());

        server.textProperty().bind(ds.serverProperty());
        ready.textProperty().bind(ds.readyProperty());
        requestsPerPoll.textProperty().bind(ds.requestsPerPollProperty());
        recordingRules.textProperty().bind(ds.recordingRulesProperty());
        lastPoll.textProperty().bind(ds.lastPollProperty());
        lastError.textProperty().bind(ds.lastErrorProperty());
        annotations.selectedProperty().bindBidirectional(ds.annotationsProperty());
        webhookHealth.textProperty().bind(ds.webhookHealthProperty());
        alertmanagerHealth.textProperty().bind(ds.alertmanagerHealthProperty());
        annotationsHealth.textProperty().bind(ds.annotationsHealthProperty());
        // annotations are a Grafana matter: a Prometheus console keeps the line for what it watches
        annotationsLabel.visibleProperty().bind(isGrafana);
        annotationsLabel.managedProperty().bind(isGrafana);
        annotationsHealth.visibleProperty().bind(isGrafana);
        annotationsHealth.managedProperty().bind(isGrafana);
    }

    private void styleFailure(boolean failed) {
        connectMessage.getStyleClass().remove("settings-error");
        if (failed) {
            connectMessage.getStyleClass().add("settings-error");
        }
    }

    /** Toggle buttons that act as one choice bound to {@code property}: exactly one is always pressed. */
    @SafeVarargs
    private static <E> void choice(ObjectProperty<E> property, Object... buttonsAndValues) {
        ToggleGroup group = new ToggleGroup();
        for (int i = 0; i < buttonsAndValues.length; i += 2) {
            ToggleButton b = (ToggleButton) buttonsAndValues[i];
            b.setUserData(buttonsAndValues[i + 1]);
            b.setToggleGroup(group);
            if (property.get() == b.getUserData()) {
                b.setSelected(true);
            }
        }
        group.selectedToggleProperty().addListener((obs, was, now) -> {
            if (now == null) {
                was.setSelected(true);
            } else if (property.get() != now.getUserData()) {
                @SuppressWarnings("unchecked")
                E value = (E) now.getUserData();
                property.set(value);
            }
        });
        property.addListener((obs, was, value) -> group.getToggles().stream()
                .filter(t -> t.getUserData() == value).findFirst().ifPresent(t -> t.setSelected(true)));
    }

    private void chooseFile(ObjectProperty<Path> target, String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        startIn(chooser, target.get());
        File file = chooser.showOpenDialog(root.getScene().getWindow());
        if (file != null) {
            target.set(file.toPath());
        }
    }

    private void chooseSlos(DataSourceViewModel ds) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("SLO spec files (Sloth, OpenSLO or Warroom)");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("YAML", "*.yaml", "*.yml"),
                new FileChooser.ExtensionFilter("All files", "*"));
        List<Path> current = ds.sloFilesProperty().get();
        startIn(chooser, current.isEmpty() ? null : current.get(0));
        List<File> files = chooser.showOpenMultipleDialog(root.getScene().getWindow());
        if (files != null && !files.isEmpty()) {
            ds.sloFilesProperty().set(files.stream().map(File::toPath).toList());
        }
    }

    private static void startIn(FileChooser chooser, Path current) {
        Path dir = current == null ? null : current.toAbsolutePath().getParent();
        if (dir != null && dir.toFile().isDirectory()) {
            chooser.setInitialDirectory(dir.toFile());
        }
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
