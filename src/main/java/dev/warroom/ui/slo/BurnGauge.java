package dev.warroom.ui.slo;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.layout.Region;

/**
 * A burn rate on a log scale from {@value #MIN}x to {@value #MAX}x, with marks at the burn rates
 * the SRE Workbook alerts on (1, 3, 6 and 14.4x) and a heavier mark at the pair's own threshold.
 * The bar is the long window's burn; a thin marker shows the short window's. Part of the tile's
 * skin; style classes {@code slo-gauge}, {@code slo-gauge-track}, {@code slo-gauge-fill},
 * {@code slo-gauge-mark}, {@code slo-gauge-threshold}, {@code slo-gauge-short}.
 */
final class BurnGauge extends Region {
    static final double MIN = 0.5;
    static final double MAX = 25;
    /** 1x spends the budget exactly over the period; 3, 6 and 14.4x are the usual ticket and page factors. */
    static final List<Double> MARKS = List.of(1.0, 3.0, 6.0, 14.4);

    private final Region track = part("slo-gauge-track");
    private final Region fill = part("slo-gauge-fill");
    private final Region threshold = part("slo-gauge-threshold");
    private final Region shortMarker = part("slo-gauge-short");
    private final List<Region> marks = new ArrayList<>();
    private double longBurn = Double.NaN;
    private double shortBurn = Double.NaN;
    private double factor = Double.NaN;
    private String fillClass;

    BurnGauge() {
        getStyleClass().add("slo-gauge");
        getChildren().addAll(track, fill);
        for (double mark : MARKS) {
            Region m = part("slo-gauge-mark");
            m.setUserData(mark);
            marks.add(m);
            getChildren().add(m);
        }
        getChildren().addAll(threshold, shortMarker);
    }

    /** Where {@code burn} sits along the gauge, 0 (at or below {@value #MIN}x) to 1 (at or above {@value #MAX}x). */
    static double position(double burn) {
        if (!(burn > MIN)) {
            return 0;
        }
        if (burn >= MAX) {
            return 1;
        }
        return Math.log(burn / MIN) / Math.log(MAX / MIN);
    }

    /** Shows a pair's burns against its factor; NaN burns draw no bar. {@code statusClass} colours the bar. */
    void show(double longBurn, double shortBurn, double factor, String statusClass) {
        if (!same(this.longBurn, longBurn) || !same(this.shortBurn, shortBurn) || !same(this.factor, factor)) {
            this.longBurn = longBurn;
            this.shortBurn = shortBurn;
            this.factor = factor;
            requestLayout();
        }
        if (!statusClass.equals(fillClass)) {
            if (fillClass != null) {
                fill.getStyleClass().remove(fillClass);
            }
            fill.getStyleClass().add(statusClass);
            fillClass = statusClass;
        }
    }

    List<Region> marks() {
        return marks;
    }

    Region fill() {
        return fill;
    }

    Region threshold() {
        return threshold;
    }

    double longBurn() {
        return longBurn;
    }

    @Override
    protected void layoutChildren() {
        double x = snappedLeftInset();
        double y = snappedTopInset();
        double w = getWidth() - x - snappedRightInset();
        double h = getHeight() - y - snappedBottomInset();
        double barTop = y + h * 0.2;
        double barHeight = h * 0.6;
        track.resizeRelocate(x, barTop, w, barHeight);
        boolean hasLong = Double.isFinite(longBurn);
        fill.setVisible(hasLong);
        fill.resizeRelocate(x, barTop, snapSizeX(Math.max(hasLong ? 2 : 0, position(longBurn) * w)), barHeight);
        for (Region mark : marks) {
            mark.resizeRelocate(snapPositionX(x + position((Double) mark.getUserData()) * w), y, 1, h);
        }
        threshold.setVisible(Double.isFinite(factor));
        threshold.resizeRelocate(snapPositionX(x + position(factor) * w - 1), y, 3, h);
        shortMarker.setVisible(Double.isFinite(shortBurn));
        shortMarker.resizeRelocate(snapPositionX(x + position(shortBurn) * w - 1), barTop + barHeight, 3, h * 0.2);
    }

    @Override
    protected double computePrefWidth(double height) {
        return 120;
    }

    @Override
    protected double computePrefHeight(double width) {
        return snappedTopInset() + 14 + snappedBottomInset();
    }

    @Override
    protected double computeMinWidth(double height) {
        return 40;
    }

    private static boolean same(double a, double b) {
        return Double.compare(a, b) == 0;
    }

    private static Region part(String styleClass) {
        Region r = new Region();
        r.getStyleClass().add(styleClass);
        r.setManaged(false);
        return r;
    }
}
