package dev.warroom.incident;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Set;

/** The incident lifecycle: DETECTED -> TRIAGED -> MITIGATING -> MITIGATED -> RESOLVED -> CLOSED. */
public enum IncidentState {
    DETECTED, TRIAGED, MITIGATING, MITIGATED, RESOLVED, CLOSED;

    /** The moves the lifecycle allows; MITIGATED -> MITIGATING is a relapse that needs another mitigation. */
    public Set<IncidentState> next() {
        return switch (this) {
            case DETECTED -> Set.of(TRIAGED);
            case TRIAGED -> Set.of(MITIGATING);
            case MITIGATING -> Set.of(MITIGATED);
            case MITIGATED -> Set.of(RESOLVED, MITIGATING);
            case RESOLVED -> Set.of(CLOSED);
            case CLOSED -> Set.of();
        };
    }

    public boolean canMoveTo(IncidentState target) {
        return next().contains(target);
    }

    /** Open incidents still need people: everything before RESOLVED. */
    public boolean isOpen() {
        return compareTo(RESOLVED) < 0;
    }

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
