package dev.warroom.metrics;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One series of a range query, its points oldest first. */
public record Series(Map<String, String> labels, List<Point> points) {

    public Series {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        points = points == null ? List.of() : List.copyOf(points);
    }

    public record Point(Instant at, double value) {
        public Point {
            Objects.requireNonNull(at, "at");
        }
    }
}
