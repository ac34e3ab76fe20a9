package dev.warroom.ui.slo;

import java.util.List;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polyline;

/**
 * The SLI over the last hours as a line, with the objective as a dashed reference. The vertical
 * scale runs from 100% down to whichever is lower, the worst sample or one error budget below the
 * objective, so a healthy SLO draws a flat line near the top and an outage a cliff through the
 * objective. Points are recomputed only when the samples or the size change.
 */
final class Sparkline extends Region {
    private final Polyline line = new Polyline();
    private final Line objectiveLine = new Line();
    private List<Double> samples = List.of();
    private double objective = Double.NaN;
    private double laidOutWidth = -1;
    private double laidOutHeight = -1;

    Sparkline() {
        getStyleClass().add("slo-sparkline");
        line.getStyleClass().add("slo-sparkline-line");
        objectiveLine.getStyleClass().add("slo-sparkline-objective");
        line.setManaged(false);
        objectiveLine.setManaged(false);
        getChildren().addAll(objectiveLine, line);
    }

    void show(List<Double> samples, double objective) {
        if (samples.equals(this.samples) && Double.compare(objective, this.objective) == 0) {
            return;
        }
        this.samples = samples;
        this.objective = objective;
        laidOutWidth = -1;
        requestLayout();
    }

    Polyline line() {
        return line;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth() - snappedLeftInset() - snappedRightInset();
        double h = getHeight() - snappedTopInset() - snappedBottomInset();
        if (w == laidOutWidth && h == laidOutHeight) {
            return;
        }
        laidOutWidth = w;
        laidOutHeight = h;
        double x0 = snappedLeftInset();
        double y0 = snappedTopInset();
        double low = lowest();
        double range = 1.0 - low;
        int n = samples.size();
        Double[] points = new Double[n * 2];
        int k = 0;
        for (int i = 0; i < n; i++) {
            double v = samples.get(i);
            if (!Double.isFinite(v)) {
                v = low;
            }
            double px = n == 1 ? x0 + w : x0 + w * i / (n - 1);
            double py = y0 + h * (1.0 - v) / range;
            points[k++] = px;
            points[k++] = Math.min(y0 + h, Math.max(y0, py));
        }
        line.getPoints().setAll(points);
        boolean showObjective = Double.isFinite(objective) && objective > low;
        objectiveLine.setVisible(showObjective);
        if (showObjective) {
            double oy = Math.rint(y0 + h * (1.0 - objective) / range) + 0.5;
            objectiveLine.setStartX(x0);
            objectiveLine.setEndX(x0 + w);
            objectiveLine.setStartY(oy);
            objectiveLine.setEndY(oy);
        }
    }

    /** The SLI at the bottom edge. */
    private double lowest() {
        double budget = Double.isFinite(objective) ? 1.0 - objective : 0.01;
        double low = Double.isFinite(objective) ? objective - 2 * budget : 1.0 - 2 * budget;
        for (double v : samples) {
            if (Double.isFinite(v)) {
                low = Math.min(low, v);
            }
        }
        return Math.max(0, Math.min(low, 1.0 - 1e-6));
    }

    @Override
    protected double computePrefWidth(double height) {
        return 120;
    }

    @Override
    protected double computePrefHeight(double width) {
        return snappedTopInset() + 24 + snappedBottomInset();
    }

    @Override
    protected double computeMinWidth(double height) {
        return 40;
    }
}
