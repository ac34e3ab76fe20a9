package dev.warroom.ui.incidents;

import dev.warroom.incident.Incident;
import dev.warroom.incident.IncidentState;
import dev.warroom.incident.PageState;
import dev.warroom.incident.Severity;
import dev.warroom.slo.SloFormat;
import java.util.Locale;

/**
 * One incident as the Incidents tab lists it: every field already in words, plus the CSS style classes
 * that colour it. A value, so an unchanged incident compares equal across refreshes.
 *
 * @param paging   where the page stands: "L2 li paged", "acked by li", "ticket TICKET-0001"
 * @param sli      the last SLI reading as a percentage, or "—" before the first reading
 * @param declared when the incident was declared, UTC
 */
public record IncidentRow(String id, String title, Severity severity, IncidentState state, boolean drill,
                          String paging, String pagingStyleClass, String sli, String declared) {

    static IncidentRow of(Incident incident) {
        return new IncidentRow(incident.id(), incident.title(), incident.severity(), incident.state(), incident.drill(),
                paging(incident), pagingStyleClass(incident), SloFormat.sli(incident.lastSli()),
                UiFormats.dateTime(incident.declaredAt()));
    }

    /** "Sev-1". */
    public String severityLabel() {
        return severity.label();
    }

    /** "sev-1": colours the severity, always next to its label. */
    public String severityStyleClass() {
        return styleClass(severity);
    }

    /** "MITIGATING". */
    public String stateLabel() {
        return state.id().toUpperCase(Locale.ROOT);
    }

    /** "state-mitigating". */
    public String stateStyleClass() {
        return styleClass(state);
    }

    /** "DRILL" or "live": a drill is marked in words on its row, not only by colour. */
    public String kindLabel() {
        return drill ? "DRILL" : "live";
    }

    /** "kind-drill" or "kind-live". */
    public String kindStyleClass() {
        return drill ? "kind-drill" : "kind-live";
    }

    public boolean open() {
        return state.isOpen();
    }

    static String styleClass(Severity severity) {
        return "sev-" + severity.ordinal();
    }

    static String styleClass(IncidentState state) {
        return "state-" + state.id();
    }

    private static String paging(Incident incident) {
        PageState page = incident.paging();
        return switch (page.status()) {
            case PAGING -> page.level() + " " + page.target() + " paged";
            case EXHAUSTED -> "no ack: ladder exhausted at " + page.level();
            case ACKED -> "acked by " + page.ackedBy();
            case NONE -> incident.ticket() == null ? "not paged" : "ticket " + incident.ticket();
        };
    }

    private static String pagingStyleClass(Incident incident) {
        return switch (incident.paging().status()) {
            case PAGING -> "page-waiting";
            case EXHAUSTED -> "page-exhausted";
            case ACKED -> "page-acked";
            case NONE -> incident.ticket() == null ? "page-none" : "page-ticket";
        };
    }
}
