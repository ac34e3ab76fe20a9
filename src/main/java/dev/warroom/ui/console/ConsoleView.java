package dev.warroom.ui.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;

/** Thin controller for {@code fxml/console/ConsoleView.fxml}: fills the slots and binds the banner. */
public final class ConsoleView {
    @FXML
    private BorderPane console;
    @FXML
    private Label drillBanner;
    @FXML
    private StackPane headerSlot;
    @FXML
    private StackPane sloBoardSlot;
    @FXML
    private TabPane tabs;
    @FXML
    private StackPane pagerSlot;
    @FXML
    private Label status;

    private ConsoleViewModel viewModel;

    /**
     * Loads the console around {@code viewModel}'s panels; {@code header}, {@code sloBoard} and
     * {@code pager} may be null while those parts are not built.
     */
    public static Parent load(ConsoleViewModel viewModel, Node header, Node sloBoard, Node pager) {
        FXMLLoader loader = new FXMLLoader(ConsoleView.class.getResource("/fxml/console/ConsoleView.fxml"));
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load /fxml/console/ConsoleView.fxml", e);
        }
        ConsoleView view = loader.getController();
        view.bind(viewModel, header, sloBoard, pager);
        return root;
    }

    private void bind(ConsoleViewModel vm, Node header, Node sloBoard, Node pager) {
        this.viewModel = vm;
        if (header != null) {
            headerSlot.getChildren().setAll(header);
        }
        if (sloBoard != null) {
            sloBoardSlot.getChildren().setAll(sloBoard);
        }
        if (pager != null) {
            pagerSlot.getChildren().setAll(pager);
        }
        for (Panel panel : vm.panels()) {
            // a tab's content is built when it is first shown, so the first frame waits for one panel
            Tab tab = new Tab(panel.title());
            tab.selectedProperty().addListener((obs, was, selected) -> {
                if (selected && tab.getContent() == null) {
                    tab.setContent(panel.view());
                }
            });
            if (vm.icon(panel) != null) {
                tab.setGraphic(new org.kordamp.ikonli.javafx.FontIcon(vm.icon(panel)));
            }
            tab.setId("tab-" + panel.title().toLowerCase(java.util.Locale.ROOT));
            tabs.getTabs().add(tab);
        }
        Tab first = tabs.getSelectionModel().getSelectedItem();
        if (first != null && first.getContent() == null) {
            first.setContent(vm.panels().get(tabs.getTabs().indexOf(first)).view());
        }
        drillBanner.textProperty().bind(vm.drillBannerProperty());
        drillBanner.visibleProperty().bind(vm.drillingProperty());
        drillBanner.managedProperty().bind(vm.drillingProperty());
        vm.drillingProperty().addListener((obs, was, now) -> markDrill(now));
        markDrill(vm.drillingProperty().get());
        status.textProperty().bind(vm.statusProperty());
        vm.requestedPanelProperty().addListener((obs, was, title) -> tabs.getTabs().stream()
                .filter(t -> t.getText().equals(title)).findFirst().ifPresent(t -> tabs.getSelectionModel().select(t)));
        console.sceneProperty().addListener((obs, was, scene) -> {
            if (scene != null) {
                installShortcuts(scene);
            }
        });
    }

    /** A drill is unmistakable: the whole window takes the drill frame. */
    private void markDrill(boolean drilling) {
        if (drilling) {
            if (!console.getStyleClass().contains("drill")) {
                console.getStyleClass().add("drill");
            }
        } else {
            console.getStyleClass().remove("drill");
        }
    }

    /** Ctrl+1..9 switch panels. */
    private void installShortcuts(javafx.scene.Scene scene) {
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5,
                KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8, KeyCode.DIGIT9};
        for (int i = 0; i < digits.length; i++) {
            int index = i;
            scene.getAccelerators().put(new KeyCodeCombination(digits[i], KeyCombination.SHORTCUT_DOWN), () -> {
                if (index < tabs.getTabs().size()) {
                    tabs.getSelectionModel().select(index);
                }
            });
        }
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), viewModel::toggleTheme);
        viewModel.panels().forEach(panel -> scene.getAccelerators().putAll(panel.accelerators()));
        scene.getAccelerators().putAll(viewModel.accelerators());
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, event -> {
            for (var key : viewModel.globalKeys().entrySet()) {
                if (key.getKey().match(event)) {
                    key.getValue().run();
                    event.consume();
                    return;
                }
            }
        });
    }
}
