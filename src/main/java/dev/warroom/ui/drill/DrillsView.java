package dev.warroom.ui.drill;

import dev.warroom.ui.console.Fxml;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Thin controller for {@code /fxml/drill/DrillsView.fxml}: binds a {@link DrillsViewModel}, nothing else. */
public final class DrillsView {
    static final String FXML = "/fxml/drill/DrillsView.fxml";

    private final DrillsViewModel vm;

    @FXML private HBox root;
    @FXML private ListView<ScenarioRow> scenarioList;
    @FXML private Label scenarioSummary;
    @FXML private HBox speedRow;
    @FXML private Button startButton;
    @FXML private VBox idle;
    @FXML private VBox live;
    @FXML private Label drillTitle;
    @FXML private Label elapsed;
    @FXML private Label speed;
    @FXML private Label sli;
    @FXML private Label objective;
    @FXML private Label phase;
    @FXML private Button resolveButton;
    @FXML private Button stopButton;
    @FXML private VBox scoreCard;
    @FXML private Label scoreTitle;
    @FXML private GridPane scoreGrid;
    @FXML private Label message;

    private DrillsView(DrillsViewModel vm) {
        this.vm = vm;
    }

    /** Loads the panel for {@code vm}; call on the FX thread. */
    public static Parent load(DrillsViewModel vm) {
        return Fxml.load(FXML, DrillsView.class, () -> new DrillsView(vm));
    }

    @FXML
    private void initialize() {
        scenarioList.setItems(vm.scenarios());
        scenarioList.setCellFactory(list -> new ScenarioCell());
        scenarioList.getSelectionModel().select(vm.selectedScenarioProperty().get());
        scenarioList.getSelectionModel().selectedItemProperty().addListener((obs, was, row) -> {
            if (row != null) {
                vm.selectedScenarioProperty().set(row);
            }
        });
        vm.selectedScenarioProperty().addListener((obs, was, row) -> scenarioList.getSelectionModel().select(row));
        scenarioSummary.textProperty().bind(Bindings.createStringBinding(() -> vm.selectedScenarioProperty().get() == null
                ? "" : vm.selectedScenarioProperty().get().summary(), vm.selectedScenarioProperty()));

        ToggleGroup speeds = new ToggleGroup();
        for (Double s : DrillsViewModel.SPEEDS) {
            ToggleButton b = new ToggleButton(DrillsViewModel.speed(s));
            b.setId("speed-" + DrillsViewModel.speed(s));
            b.getStyleClass().add("speed-toggle");
            b.setUserData(s);
            b.setToggleGroup(speeds);
            b.setSelected(s.equals(vm.speedProperty().get()));
            speedRow.getChildren().add(b);
        }
        speeds.selectedToggleProperty().addListener((obs, was, now) -> {
            if (now == null) {
                was.setSelected(true); // a speed is always chosen
            } else {
                vm.speedProperty().set((Double) now.getUserData());
            }
        });
        speedRow.disableProperty().bind(vm.drillingProperty());
        startButton.disableProperty().bind(vm.canStartProperty().not());
        startButton.setOnAction(e -> vm.start());

        idle.visibleProperty().bind(vm.drillingProperty().not().and(vm.resolvedProperty().not()));
        idle.managedProperty().bind(idle.visibleProperty());
        live.visibleProperty().bind(vm.drillingProperty());
        live.managedProperty().bind(live.visibleProperty());
        drillTitle.textProperty().bind(vm.drillTitleProperty());
        elapsed.textProperty().bind(vm.elapsedProperty());
        speed.textProperty().bind(vm.speedTextProperty());
        sli.textProperty().bind(vm.sliProperty());
        objective.textProperty().bind(vm.objectiveProperty());
        vm.sliBelowObjectiveProperty().addListener((obs, was, below) -> markSli(below));
        markSli(vm.sliBelowObjectiveProperty().get());
        phase.textProperty().bind(vm.phaseProperty());
        resolveButton.disableProperty().bind(vm.canResolveProperty().not());
        resolveButton.setOnAction(e -> vm.resolve());
        stopButton.textProperty().bind(Bindings.when(vm.resolvedProperty()).then("End drill").otherwise("Stop drill"));
        stopButton.setOnAction(e -> vm.stop());

        scoreCard.visibleProperty().bind(vm.resolvedProperty());
        scoreCard.managedProperty().bind(scoreCard.visibleProperty());
        scoreTitle.textProperty().bind(vm.scoreTitleProperty());
        vm.scoreLines().addListener((ListChangeListener<ScoreLine>) c -> fillScore());
        fillScore();

        message.textProperty().bind(vm.messageProperty());
        message.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
    }

    private void markSli(boolean below) {
        sli.getStyleClass().removeAll("sli-ok", "sli-below");
        sli.getStyleClass().add(below ? "sli-below" : "sli-ok");
    }

    private void fillScore() {
        scoreGrid.getChildren().clear();
        if (scoreGrid.getColumnConstraints().isEmpty()) {
            for (int i = 0; i < 4; i++) {
                // never shorten a verdict or a time: the columns take what their words need
                ColumnConstraints c = new ColumnConstraints();
                c.setMinWidth(Region.USE_PREF_SIZE);
                scoreGrid.getColumnConstraints().add(c);
            }
        }
        String[] heads = {"Measure", "Took", "Target", "Verdict"};
        for (int c = 0; c < heads.length; c++) {
            scoreGrid.add(label(heads[c], "score-head"), c, 0);
        }
        int row = 1;
        for (ScoreLine line : vm.scoreLines()) {
            scoreGrid.add(label(line.measure(), "score-measure"), 0, row);
            scoreGrid.add(label(line.took(), "score-took"), 1, row);
            scoreGrid.add(label(line.target(), "score-target"), 2, row);
            Label verdict = label(line.verdict().word(), "score-verdict");
            verdict.getStyleClass().add(line.verdict().styleClass());
            scoreGrid.add(verdict, 3, row);
            row++;
        }
    }

    private static Label label(String text, String styleClass) {
        Label l = new Label(text);
        l.getStyleClass().add(styleClass);
        return l;
    }

    /** The title, then the tier (a word and a colour) and the service; the summary shows below the list. */
    private static final class ScenarioCell extends ListCell<ScenarioRow> {
        private final Label title = new Label();
        private final Label tier = new Label();
        private final Label service = new Label();
        private final VBox box;

        ScenarioCell() {
            title.getStyleClass().add("scenario-title");
            tier.getStyleClass().add("scenario-tier");
            service.getStyleClass().add("scenario-service");
            box = new VBox(2, title, new HBox(10, tier, service));
            box.getStyleClass().add("scenario-cell");
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(ScenarioRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            title.setText(row.title());
            tier.setText("expects " + row.tier());
            tier.getStyleClass().removeIf(s -> s.startsWith("sev-"));
            tier.getStyleClass().add(row.tierStyleClass());
            service.setText(row.service());
            setGraphic(box);
        }
    }
}
