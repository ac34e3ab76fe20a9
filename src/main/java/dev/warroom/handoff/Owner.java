package dev.warroom.handoff;

import dev.warroom.incident.Incident;

/** Who owns an open incident: its incident commander, else whoever acked the page, else nobody. */
public record Owner(String person, Basis basis) {
    public static final String INCIDENT_COMMANDER = "incident_commander";

    public enum Basis { INCIDENT_COMMANDER, ACKED_THE_PAGE, UNOWNED }

    public static Owner of(Incident incident) {
        String ic = incident.roles().get(INCIDENT_COMMANDER);
        if (ic != null && !ic.isBlank()) {
            return new Owner(ic, Basis.INCIDENT_COMMANDER);
        }
        String acked = incident.paging().ackedBy();
        if (acked != null && !acked.isBlank()) {
            return new Owner(acked, Basis.ACKED_THE_PAGE);
        }
        return new Owner(null, Basis.UNOWNED);
    }

    /** "noor (incident commander)", "kai (acked the page)", "unowned". */
    public String text() {
        return switch (basis) {
            case INCIDENT_COMMANDER -> person + " (incident commander)";
            case ACKED_THE_PAGE -> person + " (acked the page)";
            case UNOWNED -> "unowned";
        };
    }
}
