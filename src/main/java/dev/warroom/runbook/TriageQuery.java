package dev.warroom.runbook;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What triage starts from: free symptom text and/or a firing alert's labels and annotations
 * ({@code alertname}, {@code service}, {@code severity}, {@code runbook_url}, {@code summary},
 * {@code description}). Either may be empty.
 */
public record TriageQuery(String text, Map<String, String> alert) {

    public TriageQuery {
        text = text == null ? "" : text;
        Map<String, String> labels = new LinkedHashMap<>();
        if (alert != null) {
            alert.forEach((k, v) -> {
                if (k != null && v != null && !v.isBlank()) {
                    labels.put(k, v.strip());
                }
            });
        }
        alert = Map.copyOf(labels);
    }

    public static TriageQuery text(String text) {
        return new TriageQuery(text, Map.of());
    }

    /** A label or annotation of the alert, or null. */
    public String label(String name) {
        return alert.get(name);
    }

    public boolean isEmpty() {
        return text.isBlank() && alert.isEmpty();
    }
}
