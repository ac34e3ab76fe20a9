package dev.warroom.ui.slo;

import dev.warroom.ui.console.Fxml;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

/**
 * Thin controller for {@code /fxml/slo/SloBoardView.fxml}: keeps one {@link SloTile} per SLO name
 * and hands each its new reading, so a refresh of hundreds of SLOs changes texts and widths, not the
 * scene graph. Tiles are only added, removed or moved when the set of SLOs or their order changes.
 *
 * <p>A tile scrolled out of sight gets a reading that only moves its numbers when it scrolls back
 * into view; a reading that changes its shape (state, stale, window pairs) it gets at once, so the
 * column's height and order are always right. With 200 SLOs and a handful visible, a refresh then
 * touches a handful of tiles.
 */
public final class SloBoardView {
    static final String FXML = "/fxml/slo/SloBoardView.fxml";
    /** Beyond this many tiles changing place, one setAll beats moving them one by one. */
    static final int MAX_MOVES = 16;

    private final SloBoardViewModel viewModel;
    private final Map<String, SloTile> tilesByName = new HashMap<>();
    private final Map<SloTile, SloReading> pending = new HashMap<>();

    @FXML private VBox board;
    @FXML private Label drillBadge;
    @FXML private Label summary;
    @FXML private Label error;
    @FXML private ScrollPane scroller;
    @FXML private VBox tiles;
    @FXML private Label placeholder;

    private SloBoardView(SloBoardViewModel viewModel) {
        this.viewModel = viewModel;
    }

    /** Loads the board for {@code viewModel}; call on the FX thread. */
    public static Parent load(SloBoardViewModel viewModel) {
        return Fxml.load(FXML, SloBoardView.class, () -> new SloBoardView(viewModel));
    }

    @FXML
    private void initialize() {
        placeholder.setText(SloBoardViewModel.PLACEHOLDER);
        placeholder.visibleProperty().bind(viewModel.emptyProperty());
        scroller.visibleProperty().bind(viewModel.emptyProperty().not());
        drillBadge.visibleProperty().bind(viewModel.drillProperty());
        drillBadge.managedProperty().bind(viewModel.drillProperty());
        summary.textProperty().bind(viewModel.summaryProperty());
        error.textProperty().bind(viewModel.errorProperty());
        error.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        viewModel.readingsProperty().addListener((obs, was, now) -> show(now));
        scroller.vvalueProperty().addListener(o -> flushVisible());
        scroller.viewportBoundsProperty().addListener(o -> flushVisible());
        tiles.heightProperty().addListener(o -> flushVisible());
        show(viewModel.getReadings());
    }

    private void show(List<SloReading> readings) {
        List<Node> order = new ArrayList<>(readings.size());
        Set<String> names = new HashSet<>();
        for (SloReading r : readings) {
            SloTile tile = tilesByName.computeIfAbsent(r.slo(), name -> {
                SloTile t = new SloTile();
                t.setId("slo-" + name);
                return t;
            });
            if (sameShape(tile.getReading(), r) && !inView(tile)) {
                pending.put(tile, r);
            } else {
                pending.remove(tile);
                tile.setReading(r);
            }
            order.add(tile);
            names.add(r.slo());
        }
        tilesByName.keySet().retainAll(names);
        pending.keySet().retainAll(tilesByName.values());
        reorder(order);
    }

    /**
     * Moves only the tiles that changed place (those off the longest run already in order): a moved
     * node is restyled and relaid, so {@code setAll} would redo every tile. When most of the column
     * moves, one {@code setAll} is cheaper than many moves.
     */
    private void reorder(List<Node> order) {
        ObservableList<Node> children = tiles.getChildren();
        if (children.equals(order)) {
            return;
        }
        Set<Node> keep = new HashSet<>(order);
        children.removeIf(n -> !keep.contains(n));
        Map<Node, Integer> now = new HashMap<>();
        for (int i = 0; i < children.size(); i++) {
            now.put(children.get(i), i);
        }
        Set<Node> stay = inOrder(order, now);
        if (order.size() - stay.size() > MAX_MOVES) {
            children.setAll(order);
            return;
        }
        for (int i = 0; i < order.size(); i++) {
            Node wanted = order.get(i);
            if (!stay.contains(wanted)) {
                children.remove(wanted);
                children.add(i, wanted);
            }
        }
    }

    /** The longest subsequence of {@code order} already in increasing place in {@code now}: these stay put. */
    private static Set<Node> inOrder(List<Node> order, Map<Node, Integer> now) {
        int n = order.size();
        int[] tailIndex = new int[n];
        int[] previous = new int[n];
        int length = 0;
        for (int i = 0; i < n; i++) {
            Integer place = now.get(order.get(i));
            if (place == null) {
                previous[i] = -1;
                continue;
            }
            int lo = 0;
            int hi = length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (now.get(order.get(tailIndex[mid])) < place) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            previous[i] = lo > 0 ? tailIndex[lo - 1] : -1;
            tailIndex[lo] = i;
            length = Math.max(length, lo + 1);
        }
        Set<Node> stay = new HashSet<>();
        for (int i = length > 0 ? tailIndex[length - 1] : -1; i >= 0; i = previous[i]) {
            stay.add(order.get(i));
        }
        return stay;
    }

    private void flushVisible() {
        if (pending.isEmpty()) {
            return;
        }
        pending.entrySet().removeIf(e -> {
            if (inView(e.getKey())) {
                e.getKey().setReading(e.getValue());
                return true;
            }
            return false;
        });
    }

    /** True when the reading would not change the tile's height or place in the column. */
    private static boolean sameShape(SloReading shown, SloReading next) {
        return shown != null && shown.state() == next.state() && shown.isStale() == next.isStale()
                && pairCount(shown) == pairCount(next);
    }

    private static int pairCount(SloReading r) {
        return r.decision() == null ? 0 : r.decision().pairs().size();
    }

    /** Whether any of {@code tile} is inside the scroll pane's viewport (or the board is not laid out yet). */
    private boolean inView(SloTile tile) {
        double viewport = scroller.getViewportBounds().getHeight();
        double content = tiles.getHeight();
        if (viewport <= 0 || content <= 0 || tile.getHeight() <= 0) {
            return true;
        }
        double top = Math.max(0, content - viewport) * scroller.getVvalue();
        double y = tile.getBoundsInParent().getMinY();
        return y + tile.getHeight() >= top && y <= top + viewport;
    }
}
