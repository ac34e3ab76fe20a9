package dev.warroom.ui.slo;

import dev.warroom.slo.Decision;
import dev.warroom.slo.PairResult;
import dev.warroom.slo.SloFormat;
import dev.warroom.slo.WindowPair;
import dev.warroom.time.Durations;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.geometry.HPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SkinBase;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The tile's nodes, built once and updated in place: a new reading changes texts, widths and style
 * classes, never the scene graph (except when an SLO's policy gains or loses window pairs).
 */
final class SloTileSkin extends SkinBase<SloTile> {
    private final Label disclosure = label("slo-disclosure");
    private final Label name = label("slo-name");
    private final Label stateWord = label("slo-state");
    private final Label budgetValue = label("slo-budget-value");
    private final Region budgetFill = new Region();
    private final Label sliValue = label("slo-sli-value");
    private final Sparkline sparkline = new Sparkline();
    private final Label spanLabel = label("slo-caption");
    private final Label staleBadge = label("slo-stale-badge");
    private final GridPane pairs = new GridPane();
    private final BurnScale scale = new BurnScale();
    private final List<PairRow> rows = new ArrayList<>();
    private final Label explanation = label("slo-explanation");
    private final InvalidationListener onChange = o -> update();

    SloTileSkin(SloTile tile) {
        super(tile);
        name.setMaxWidth(Double.MAX_VALUE);
        name.setMinWidth(0);
        HBox.setHgrow(name, Priority.ALWAYS);
        stateWord.setMinWidth(Region.USE_PREF_SIZE);
        HBox header = row("slo-header", disclosure, name, stateWord);

        Region budgetBar = new Region();
        budgetBar.getStyleClass().add("slo-budget-bar");
        budgetFill.getStyleClass().add("slo-budget-fill");
        budgetFill.setManaged(false);
        javafx.scene.layout.StackPane bar = new javafx.scene.layout.StackPane(budgetBar, budgetFill) {
            @Override
            protected void layoutChildren() {
                super.layoutChildren();
                double fraction = budgetFraction(getSkinnable().getReading());
                budgetFill.resizeRelocate(budgetBar.getLayoutX(), budgetBar.getLayoutY(),
                        snapSizeX(budgetBar.getWidth() * fraction), budgetBar.getHeight());
            }
        };
        bar.getStyleClass().add("slo-budget-track");
        bar.setMinWidth(40);
        HBox.setHgrow(bar, Priority.ALWAYS);
        budgetValue.setMinWidth(Region.USE_PREF_SIZE);
        HBox budget = row("slo-budget-row", label("slo-caption", "budget left"), budgetValue, bar);

        sliValue.setMinWidth(Region.USE_PREF_SIZE);
        sparkline.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(sparkline, Priority.ALWAYS);
        spanLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox sli = row("slo-sli-row", label("slo-caption", "SLI"), sliValue, sparkline, spanLabel);

        staleBadge.setMaxWidth(Double.MAX_VALUE);
        staleBadge.setWrapText(true);

        pairs.getStyleClass().add("slo-pairs");
        ColumnConstraints labelCol = new ColumnConstraints();
        labelCol.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints gaugeCol = new ColumnConstraints();
        gaugeCol.setHgrow(Priority.ALWAYS);
        gaugeCol.setFillWidth(true);
        ColumnConstraints burnCol = new ColumnConstraints();
        burnCol.setHalignment(HPos.RIGHT);
        burnCol.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints statusCol = new ColumnConstraints();
        statusCol.setMinWidth(Region.USE_PREF_SIZE);
        pairs.getColumnConstraints().addAll(labelCol, gaugeCol, burnCol, statusCol);
        scale.setMaxWidth(Double.MAX_VALUE);
        pairs.add(scale, 1, 0);

        explanation.setWrapText(true);
        explanation.setMaxWidth(Double.MAX_VALUE);
        explanation.setMinHeight(Region.USE_PREF_SIZE);

        VBox body = new VBox(header, budget, sli, staleBadge, pairs, explanation);
        body.getStyleClass().add("slo-tile-body");
        body.setFillWidth(true);
        getChildren().add(body);

        tile.readingProperty().addListener(onChange);
        tile.expandedProperty().addListener(onChange);
        update();
    }

    /** Wrapped text (the explanation, the stale reason) needs the width to know its height. */
    @Override
    protected double computePrefHeight(double width, double topInset, double rightInset, double bottomInset,
                                       double leftInset) {
        double inner = width < 0 ? -1 : Math.max(0, width - leftInset - rightInset);
        return topInset + getChildren().get(0).prefHeight(inner) + bottomInset;
    }

    @Override
    protected double computeMinHeight(double width, double topInset, double rightInset, double bottomInset,
                                      double leftInset) {
        return computePrefHeight(width, topInset, rightInset, bottomInset, leftInset);
    }

    @Override
    public void dispose() {
        getSkinnable().readingProperty().removeListener(onChange);
        getSkinnable().expandedProperty().removeListener(onChange);
        super.dispose();
    }

    /** The scene graph under the tile, for tests: {@code lookup} by style class works too. */
    Label stateWord() {
        return stateWord;
    }

    List<PairRow> rows() {
        return rows;
    }

    private void update() {
        SloTile tile = getSkinnable();
        SloReading r = tile.getReading();
        TileState state = tile.getState();
        Decision d = r == null ? null : r.decision();
        boolean expanded = tile.isExpanded();

        name.setText(r == null ? "" : r.slo());
        stateWord.setText(state.word());
        disclosure.setText(expanded ? "\u25BE" : "\u25B8");
        double remaining = d == null ? Double.NaN : d.budgetRemaining();
        budgetValue.setText(SloFormat.percent(remaining));
        budgetFill.getParent().requestLayout();

        List<Double> samples = r == null ? List.of() : r.sparkline();
        sliValue.setText(samples.isEmpty() ? SloFormat.NONE : SloFormat.sli(samples.get(samples.size() - 1)));
        sparkline.show(samples, r == null ? Double.NaN : r.objective());
        spanLabel.setText(r == null || r.span().isZero() ? "" : Durations.format(r.span()));

        boolean stale = r != null && r.isStale();
        show(staleBadge, stale);
        staleBadge.setText(stale ? r.staleText() : "");

        List<PairResult> results = d == null ? List.of() : d.pairs();
        syncRows(results.size());
        for (int i = 0; i < results.size(); i++) {
            rows.get(i).show(results.get(i));
        }
        show(pairs, !results.isEmpty() && (state.alerting() || expanded));

        String why = d == null ? "no decision yet: the policy has not been evaluated" : d.explanation();
        explanation.setText(why);
        show(explanation, expanded);
        tile.setAccessibleText((r == null ? "" : r.slo()) + " " + state.word() + (stale ? ", " + r.staleText() : ""));
    }

    private void syncRows(int count) {
        while (rows.size() < count) {
            PairRow row = new PairRow();
            int index = rows.size() + 1;
            pairs.addRow(index, row.label, row.gauge, row.burn, row.status);
            rows.add(row);
        }
        while (rows.size() > count) {
            PairRow row = rows.remove(rows.size() - 1);
            pairs.getChildren().removeAll(row.label, row.gauge, row.burn, row.status);
        }
    }

    private static double budgetFraction(SloReading r) {
        if (r == null || r.decision() == null || !Double.isFinite(r.decision().budgetRemaining())) {
            return 0;
        }
        return Math.max(0, Math.min(1, r.decision().budgetRemaining()));
    }

    private static void show(Node node, boolean visible) {
        node.setVisible(visible);
        node.setManaged(visible);
    }

    private static HBox row(String styleClass, Node... children) {
        HBox box = new HBox(children);
        box.getStyleClass().add(styleClass);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return box;
    }

    private static Label label(String styleClass) {
        Label l = new Label();
        l.getStyleClass().add(styleClass);
        return l;
    }

    private static Label label(String styleClass, String text) {
        Label l = label(styleClass);
        l.setText(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    /** One window pair: "1h/5m  [gauge]  16.2x  SEV-1". */
    static final class PairRow {
        final Label label = label("slo-pair-label");
        final BurnGauge gauge = new BurnGauge();
        final Label burn = label("slo-burn-value");
        final Label status = label("slo-pair-status");
        private String statusClass;

        PairRow() {
            gauge.setMaxWidth(Double.MAX_VALUE);
            burn.setMinWidth(Region.USE_PREF_SIZE);
            status.setMinWidth(Region.USE_PREF_SIZE);
        }

        void show(PairResult p) {
            label.setText(p.pair().label());
            burn.setText(SloFormat.times(p.longBurn()));
            String cls = statusClass(p);
            status.setText(statusWord(p));
            if (!cls.equals(statusClass)) {
                if (statusClass != null) {
                    status.getStyleClass().remove(statusClass);
                }
                status.getStyleClass().add(cls);
                statusClass = cls;
            }
            gauge.show(p.longBurn(), p.shortBurn(), p.factor(), cls);
        }

        /** What the pair says: the severity or "TICKET" when it decides, else why not. */
        static String statusWord(PairResult p) {
            return switch (p.status()) {
                case FIRING -> p.pair().action() == WindowPair.Action.PAGE
                        ? TileState.valueOf(p.pair().severity().name()).word() : TileState.TICKET.word();
                case SUPPRESSED -> "over";
                case LOW_TRAFFIC -> "low traffic";
                case QUIET -> "ok";
                case NO_DATA -> "no data";
            };
        }

        static String statusClass(PairResult p) {
            return switch (p.status()) {
                case FIRING, SUPPRESSED -> p.pair().action() == WindowPair.Action.PAGE
                        ? TileState.valueOf(p.pair().severity().name()).styleClass() : TileState.TICKET.styleClass();
                case LOW_TRAFFIC -> "slo-low-traffic";
                case QUIET -> "slo-quiet";
                case NO_DATA -> "slo-no-data";
            };
        }
    }
}
