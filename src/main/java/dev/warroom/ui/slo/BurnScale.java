package dev.warroom.ui.slo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/** The numbers over the gauges' marks ("1  3  6  14.4"), laid out on the same log scale. */
final class BurnScale extends Region {
    private final List<Label> labels = new ArrayList<>();

    BurnScale() {
        getStyleClass().add("slo-scale");
        for (double mark : BurnGauge.MARKS) {
            Label label = new Label(mark == Math.rint(mark) ? String.format(Locale.ROOT, "%.0f", mark)
                    : String.format(Locale.ROOT, "%.1f", mark));
            label.getStyleClass().add("slo-scale-label");
            label.setUserData(mark);
            label.setManaged(false);
            labels.add(label);
        }
        getChildren().addAll(labels);
    }

    List<Label> labels() {
        return labels;
    }

    @Override
    protected void layoutChildren() {
        double x = snappedLeftInset();
        double w = getWidth() - x - snappedRightInset();
        for (Label label : labels) {
            double lw = label.prefWidth(-1);
            double lh = label.prefHeight(lw);
            double centre = x + BurnGauge.position((Double) label.getUserData()) * w;
            label.resizeRelocate(snapPositionX(Math.min(x + w - lw, centre - lw / 2)), snappedTopInset(), lw, lh);
        }
    }

    @Override
    protected double computePrefHeight(double width) {
        return snappedTopInset() + (labels.isEmpty() ? 0 : labels.get(0).prefHeight(-1)) + snappedBottomInset();
    }

    @Override
    protected double computePrefWidth(double height) {
        return 120;
    }

    @Override
    protected double computeMinWidth(double height) {
        return 40;
    }
}
