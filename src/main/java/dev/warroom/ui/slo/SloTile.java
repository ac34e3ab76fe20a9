package dev.warroom.ui.slo;

import java.net.URL;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;

/**
 * One SLO on the board: its name, the decision state as a word in its colour, the budget left, the
 * burn rate of every window pair against its threshold, a sparkline of the SLI, a stale badge when
 * the data has stopped, and the policy's plain-language explanation on click (or Enter / Space).
 *
 * <p>The tile only renders an immutable {@link SloReading}; setting a new reading updates the
 * existing nodes in place, so a board of hundreds of tiles can be refreshed every second. Style
 * class {@code slo-tile}, plus exactly one state class ({@link TileState#styleClass()}) and the
 * pseudo-classes {@code :stale}, {@code :expanded} and {@code :alerting}. Colours come from
 * {@code /styles/slo.css}, which uses only the {@code -wr-*} tokens of the theme. FX thread only.
 */
public class SloTile extends Control {
    public static final String STYLE_CLASS = "slo-tile";
    static final String STYLESHEET = "/styles/slo.css";
    static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");
    static final PseudoClass EXPANDED = PseudoClass.getPseudoClass("expanded");
    static final PseudoClass ALERTING = PseudoClass.getPseudoClass("alerting");

    private final ObjectProperty<SloReading> reading = new SimpleObjectProperty<>(this, "reading") {
        @Override
        protected void invalidated() {
            SloReading r = get();
            setState(r == null ? TileState.NO_DATA : r.state());
            pseudoClassStateChanged(STALE, r != null && r.isStale());
        }
    };
    private final BooleanProperty expanded = new SimpleBooleanProperty(this, "expanded") {
        @Override
        protected void invalidated() {
            pseudoClassStateChanged(EXPANDED, get());
        }
    };
    private final ReadOnlyObjectWrapper<TileState> state = new ReadOnlyObjectWrapper<>(this, "state");

    public SloTile() {
        this(null);
    }

    public SloTile(SloReading reading) {
        getStyleClass().add(STYLE_CLASS);
        setAccessibleRole(AccessibleRole.BUTTON);
        setFocusTraversable(true);
        setState(TileState.NO_DATA);
        setReading(reading);
        setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress()) {
                toggle();
                requestFocus();
            }
        });
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
                toggle();
                e.consume();
            }
        });
    }

    /** The reading shown; null shows the tile as NO DATA. */
    public final ObjectProperty<SloReading> readingProperty() {
        return reading;
    }

    public final SloReading getReading() {
        return reading.get();
    }

    public final void setReading(SloReading value) {
        reading.set(value);
    }

    /** Whether the explanation (and every window pair, even when quiet) is shown. */
    public final BooleanProperty expandedProperty() {
        return expanded;
    }

    public final boolean isExpanded() {
        return expanded.get();
    }

    public final void setExpanded(boolean value) {
        expanded.set(value);
    }

    /** Shows or hides the explanation. */
    public final void toggle() {
        setExpanded(!isExpanded());
    }

    /** The state the current reading earns; follows {@link #readingProperty()}. */
    public final ReadOnlyObjectProperty<TileState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public final TileState getState() {
        return state.get();
    }

    private void setState(TileState next) {
        TileState previous = state.get();
        if (previous == next) {
            return;
        }
        if (previous != null) {
            getStyleClass().remove(previous.styleClass());
        }
        getStyleClass().add(next.styleClass());
        pseudoClassStateChanged(ALERTING, next.alerting());
        state.set(next);
    }

    /**
     * An expanded or stale tile's height depends on its width (the explanation and the stale reason
     * wrap); otherwise none, so a layout pass can reuse the cached height of an unchanged tile.
     */
    @Override
    public Orientation getContentBias() {
        SloReading r = getReading();
        return isExpanded() || r != null && r.isStale() ? Orientation.HORIZONTAL : null;
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new SloTileSkin(this);
    }

    @Override
    public String getUserAgentStylesheet() {
        URL url = SloTile.class.getResource(STYLESHEET);
        return url == null ? null : url.toExternalForm();
    }
}
