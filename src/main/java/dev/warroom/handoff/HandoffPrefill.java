package dev.warroom.handoff;

import dev.warroom.incident.Incident;
import dev.warroom.incident.SeverityPolicy;
import dev.warroom.incident.Timeline;
import dev.warroom.incident.TimelineEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Fills a week's handoff from the timeline, as the store stood at the handoff time: a handoff read
 * on Thursday still says what was handed over on Monday, and preparing it early simply shows
 * everything recorded so far.
 */
public final class HandoffPrefill {
    private final Timeline timeline;
    private final SeverityPolicy policy;

    public HandoffPrefill(Timeline timeline, SeverityPolicy policy) {
        this.timeline = timeline;
        this.policy = policy;
    }

    /**
     * Open incidents (worst severity first, then oldest) and incidents resolved in the seven days
     * before the handoff (newest first), without typed sections.
     *
     * @param includeDrills false leaves drill incidents out; true lists them, marked as drills
     */
    public Handoff prefill(HandoffWeek week, boolean includeDrills) {
        Instant at = week.handoffAt();
        List<OpenIncident> open = new ArrayList<>();
        List<ResolvedIncident> resolved = new ArrayList<>();
        for (Incident current : timeline.incidents()) {
            if (current.declaredAt().isAfter(at) || (current.drill() && !includeDrills)) {
                continue;
            }
            Incident then = asOf(current, at);
            if (then.isOpen()) {
                open.add(OpenIncident.of(then));
            } else if (!then.resolvedAt().isBefore(week.recentSince())) {
                resolved.add(ResolvedIncident.of(then, policy, at));
            }
        }
        open.sort(Comparator.comparing(OpenIncident::severity).thenComparing(OpenIncident::declaredAt)
                .thenComparing(OpenIncident::id));
        resolved.sort(Comparator.comparing(ResolvedIncident::resolvedAt).reversed()
                .thenComparing(ResolvedIncident::id));
        return new Handoff(week, open, resolved, Map.of(), null);
    }

    /** The incident folded from its events up to {@code at}; the cached fold when nothing came later. */
    private Incident asOf(Incident current, Instant at) {
        if (!current.lastEventAt().isAfter(at)) {
            return current;
        }
        List<TimelineEvent> until = timeline.events(current.id()).stream()
                .filter(e -> !e.at().isAfter(at))
                .toList();
        return Incident.fold(until);
    }
}
