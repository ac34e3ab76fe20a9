package dev.warroom.ui.incidents;

import java.util.function.Function;
import javafx.scene.control.TableCell;

/**
 * A table cell whose text and CSS style class both come from its row, so a severity or state is
 * always a word with its colour beside it, never a colour alone.
 */
final class StyledCell<S> extends TableCell<S, S> {
    private final Function<S, String> text;
    private final Function<S, String> styleClass;
    private String applied;

    StyledCell(Function<S, String> text, Function<S, String> styleClass) {
        this.text = text;
        this.styleClass = styleClass;
    }

    @Override
    protected void updateItem(S row, boolean empty) {
        super.updateItem(row, empty);
        if (applied != null) {
            getStyleClass().remove(applied);
            applied = null;
        }
        if (empty || row == null) {
            setText(null);
            return;
        }
        setText(text.apply(row));
        applied = styleClass.apply(row);
        if (applied != null) {
            getStyleClass().add(applied);
        }
    }
}
