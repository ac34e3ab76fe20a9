package dev.warroom.ui.slo;

import dev.warroom.incident.Severity;
import dev.warroom.slo.Decision;

/**
 * The decision as a tile shows it: a word and a style class (colour), worst first. A page takes its
 * severity's word, so an IC reads "SEV-1" rather than "page".
 */
public enum TileState {
    SEV0("SEV-0", "slo-sev0"),
    SEV1("SEV-1", "slo-sev1"),
    SEV2("SEV-2", "slo-sev2"),
    SEV3("SEV-3", "slo-sev3"),
    TICKET("TICKET", "slo-ticket"),
    NO_DATA("NO DATA", "slo-no-data"),
    OK("OK", "slo-ok");

    private final String word;
    private final String styleClass;

    TileState(String word, String styleClass) {
        this.word = word;
        this.styleClass = styleClass;
    }

    public String word() {
        return word;
    }

    /** The style class the tile carries in this state; exactly one at a time. */
    public String styleClass() {
        return styleClass;
    }

    /** True when the budget burns fast enough to page or ticket: the tile shows its window pairs. */
    public boolean alerting() {
        return ordinal() <= TICKET.ordinal();
    }

    public static TileState of(Decision decision) {
        if (decision == null) {
            return NO_DATA;
        }
        return switch (decision.state()) {
            case OK -> OK;
            case TICKET -> TICKET;
            case NO_DATA -> NO_DATA;
            case PAGE -> of(decision.severity());
        };
    }

    private static TileState of(Severity severity) {
        if (severity == null) {
            return SEV1;
        }
        return switch (severity) {
            case SEV0 -> SEV0;
            case SEV1 -> SEV1;
            case SEV2 -> SEV2;
            case SEV3 -> SEV3;
        };
    }
}
