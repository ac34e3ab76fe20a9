package dev.warroom.incident;

/** An event the incident's lifecycle does not allow; nothing was recorded. */
public class IllegalTransitionException extends IllegalStateException {
    private final String incidentId;
    private final IncidentState state;
    private final String eventType;

    public IllegalTransitionException(String incidentId, IncidentState state, String eventType, String why) {
        super("cannot record " + eventType + " on " + incidentId + " (" + (state == null ? "not declared" : state.id())
                + "): " + why);
        this.incidentId = incidentId;
        this.state = state;
        this.eventType = eventType;
    }

    public String incidentId() {
        return incidentId;
    }

    public IncidentState state() {
        return state;
    }

    public String eventType() {
        return eventType;
    }
}
