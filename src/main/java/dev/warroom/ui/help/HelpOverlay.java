package dev.warroom.ui.help;

import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The keyboard help (F1): every shortcut the console has, over the console, until Escape or F1 (or
 * a click outside the card). The caller gives the list, so it always says what is installed.
 * Built in code like any small control; its look is {@code /styles/help.css}.
 *
 * <p>Put it above the console in a {@link StackPane} and call {@link #install(Scene)} once.
 */
public final class HelpOverlay extends StackPane {
    /** One line of the help: the keys as a person presses them ("Ctrl+1..9") and what they do. */
    public record Shortcut(String keys, String action) {
    }

    private final GridPane grid = new GridPane();

    public HelpOverlay(List<Shortcut> shortcuts) {
        getStyleClass().add("help-overlay");
        setId("help-overlay");
        Region backdrop = new Region();
        backdrop.getStyleClass().add("help-backdrop");
        backdrop.setOnMouseClicked(e -> hide());

        Label title = new Label("Keyboard shortcuts");
        title.getStyleClass().add("help-title");
        grid.getStyleClass().add("help-grid");
        ColumnConstraints keys = new ColumnConstraints();
        keys.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints action = new ColumnConstraints();
        action.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(keys, action);
        setShortcuts(shortcuts);
        Label footer = new Label("Esc or F1 closes this");
        footer.getStyleClass().add("help-footer");
        VBox card = new VBox(title, grid, footer);
        card.getStyleClass().add("help-card");
        card.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        StackPane.setAlignment(card, Pos.CENTER);

        getChildren().addAll(backdrop, card);
        setVisible(false);
        managedProperty().bind(visibleProperty());
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                hide();
                e.consume();
            }
        });
    }

    /** Replaces the list, e.g. when a panel adds its keys. */
    public void setShortcuts(List<Shortcut> shortcuts) {
        grid.getChildren().clear();
        int row = 0;
        for (Shortcut s : shortcuts) {
            Label key = new Label(s.keys());
            key.getStyleClass().add("help-key");
            Label what = new Label(s.action());
            what.getStyleClass().add("help-action");
            grid.addRow(row++, key, what);
        }
    }

    /** The shortcuts shown, in order. */
    public List<Shortcut> shortcuts() {
        List<Label> labels = grid.getChildren().stream().map(Label.class::cast).toList();
        return java.util.stream.IntStream.range(0, labels.size() / 2)
                .mapToObj(i -> new Shortcut(labels.get(2 * i).getText(), labels.get(2 * i + 1).getText())).toList();
    }

    public void show() {
        setVisible(true);
        toFront();
        requestFocus();
    }

    public void hide() {
        setVisible(false);
    }

    public void toggle() {
        if (isVisible()) {
            hide();
        } else {
            show();
        }
    }

    public ReadOnlyBooleanProperty showingProperty() {
        return visibleProperty();
    }

    /**
     * F1 toggles the help anywhere in {@code scene}; Escape closes it while it shows, even when a
     * text field below had the focus.
     */
    public void install(Scene scene) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F1), this::toggle);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && isVisible()) {
                hide();
                e.consume();
            }
        });
    }
}
