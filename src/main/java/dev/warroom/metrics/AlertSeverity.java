package dev.warroom.metrics;

import dev.warroom.incident.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The incident severity an Alertmanager alert asks for, read from its labels. Rule authors write
 * whatever their team says, so several vocabularies are accepted (case and surrounding spaces do not
 * matter):
 *
 * <table>
 *   <caption>label value to severity</caption>
 *   <tr><th>label value</th><th>severity</th></tr>
 *   <tr><td>{@code sev0} .. {@code sev3}, {@code SEV-1}, {@code Sev 2}</td><td>that severity</td></tr>
 *   <tr><td>{@code critical}, {@code page} (Sloth's fast-burn alert)</td><td>Sev-1</td></tr>
 *   <tr><td>{@code error}, {@code high}</td><td>Sev-2</td></tr>
 *   <tr><td>{@code warning}, {@code ticket} (Sloth's slow-burn alert), {@code info}</td><td>Sev-3</td></tr>
 *   <tr><td>anything else, or no label</td><td>Sev-2, with a {@link #note()} saying so</td></tr>
 * </table>
 *
 * <p>The label {@code severity} is read first, then {@code sloth_severity}; the first value known
 * decides. An unknown value becomes Sev-2 rather than a refusal: losing an alert is worse than a
 * wrong guess, which the note asks people to correct, and Sev-2 still pages without waking the whole
 * ladder.
 *
 * @param severity the incident severity to declare
 * @param label    the label and value that decided, e.g. {@code severity=critical}; null when none did
 * @param note     why the severity is a guess, for the timeline; null when a label decided
 */
public record AlertSeverity(Severity severity, String label, String note) {
    /** The labels read, in order. */
    public static final List<String> LABELS = List.of("severity", "sloth_severity");
    /** What an alert gets when no label says. */
    public static final Severity UNKNOWN = Severity.SEV2;

    private static final Pattern SEV = Pattern.compile("sev[-_ ]?([0-3])");
    private static final Map<String, Severity> WORDS = Map.of(
            "critical", Severity.SEV1,
            "page", Severity.SEV1,
            "error", Severity.SEV2,
            "high", Severity.SEV2,
            "warning", Severity.SEV3,
            "ticket", Severity.SEV3,
            "info", Severity.SEV3);

    /** The severity the alert's labels ask for; never fails. */
    public static AlertSeverity of(Map<String, String> labels) {
        List<String> unknown = new ArrayList<>();
        for (String name : LABELS) {
            String value = labels == null ? null : labels.get(name);
            if (value == null || value.isBlank()) {
                continue;
            }
            Severity known = parse(value);
            if (known != null) {
                return new AlertSeverity(known, name + "=" + value.strip(), null);
            }
            unknown.add(name + "=" + value.strip());
        }
        String why = unknown.isEmpty()
                ? "the alert has no " + String.join(" or ", LABELS) + " label"
                : "Warroom does not know " + String.join(" or ", unknown);
        return new AlertSeverity(UNKNOWN, null, why + ", so it was declared " + UNKNOWN.label()
                + "; set the severity by hand if that is wrong");
    }

    /** One label value, or null when it is none of the documented spellings. */
    public static Severity parse(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        Matcher m = SEV.matcher(v);
        if (m.matches()) {
            return Severity.values()[Integer.parseInt(m.group(1))];
        }
        return WORDS.get(v);
    }

    /** True when the severity is a guess and {@link #note()} says why. */
    public boolean guessed() {
        return note != null;
    }
}
