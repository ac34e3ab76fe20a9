package dev.warroom.ui.handoff;

import dev.warroom.handoff.ChecklistAck;
import dev.warroom.handoff.HandoffVersion;
import dev.warroom.handoff.HandoffWeek;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link HandoffRecords} in memory, with the store's rules: versions append, blank sections dropped, first ack wins. */
final class InMemoryHandoffRecords implements HandoffRecords {
    private final Clock clock;
    private final Map<HandoffWeek, List<HandoffVersion>> versions = new HashMap<>();
    private final List<ChecklistAck> acks = new ArrayList<>();

    InMemoryHandoffRecords(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized HandoffVersion save(HandoffWeek week, String author, Map<String, String> sections) {
        Map<String, String> kept = new LinkedHashMap<>();
        sections.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                kept.put(k, v);
            }
        });
        List<HandoffVersion> week0 = versions.computeIfAbsent(week, w -> new ArrayList<>());
        HandoffVersion saved = new HandoffVersion(week, week0.size() + 1, author,
                clock.instant().truncatedTo(ChronoUnit.MILLIS), kept);
        week0.add(saved);
        return saved;
    }

    @Override
    public synchronized List<HandoffVersion> history(HandoffWeek week) {
        return List.copyOf(versions.getOrDefault(week, List.of()));
    }

    @Override
    public synchronized boolean ack(HandoffWeek week, String person, String item) {
        HandoffVersion.requireName(person);
        boolean already = acks.stream().anyMatch(a -> a.week().equals(week) && a.person().equals(person)
                && a.item().equals(item));
        if (already) {
            return false;
        }
        acks.add(new ChecklistAck(week, person, item, clock.instant().truncatedTo(ChronoUnit.MILLIS)));
        return true;
    }

    @Override
    public synchronized List<ChecklistAck> acks(HandoffWeek week, String person) {
        return acks.stream().filter(a -> a.week().equals(week) && a.person().equals(person)).toList();
    }
}
