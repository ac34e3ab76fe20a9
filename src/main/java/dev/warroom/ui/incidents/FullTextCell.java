package dev.warroom.ui.incidents;

import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;

/** A text cell that shows its whole text on hover, for columns a long line may overflow. */
final class FullTextCell<S> extends TableCell<S, String> {

    @Override
    protected void updateItem(String text, boolean empty) {
        super.updateItem(text, empty);
        boolean blank = empty || text == null || text.isEmpty();
        setText(blank ? null : text);
        setTooltip(blank ? null : new Tooltip(text));
    }
}
