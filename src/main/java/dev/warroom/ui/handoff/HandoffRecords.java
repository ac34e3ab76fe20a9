package dev.warroom.ui.handoff;

import dev.warroom.handoff.ChecklistAck;
import dev.warroom.handoff.HandoffVersion;
import dev.warroom.handoff.HandoffWeek;
import dev.warroom.store.HandoffStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Where the Handoff panel keeps saved handoffs and checklist acks: the store's {@link HandoffStore}
 * in the app ({@link #of}), memory in tests ({@link #inMemory}). Every method may block on disk or
 * the network: the view model calls them in the background only.
 */
public interface HandoffRecords {

    /** Saves the typed sections as the week's next version; returns it once committed. */
    HandoffVersion save(HandoffWeek week, String author, Map<String, String> sections);

    /** Every saved version of the week, oldest first. */
    List<HandoffVersion> history(HandoffWeek week);

    /** Records that {@code person} did checklist {@code item} this week; false if already acked. */
    boolean ack(HandoffWeek week, String person, String item);

    /** {@code person}'s acks for the week, in the order they were made. */
    List<ChecklistAck> acks(HandoffWeek week, String person);

    /** The store's handoffs: {@code HandoffRecords.of(new HandoffStore(warroomStore, wall))}. */
    static HandoffRecords of(HandoffStore store) {
        return new HandoffRecords() {
            @Override
            public HandoffVersion save(HandoffWeek week, String author, Map<String, String> sections) {
                return store.save(week, author, sections);
            }

            @Override
            public List<HandoffVersion> history(HandoffWeek week) {
                return store.history(week);
            }

            @Override
            public boolean ack(HandoffWeek week, String person, String item) {
                return store.ack(week, person, item);
            }

            @Override
            public List<ChecklistAck> acks(HandoffWeek week, String person) {
                return store.acks(week, person);
            }
        };
    }

    /** Kept in memory only, stamped with {@code clock}: tests, screenshots, a console without a store. */
    static HandoffRecords inMemory(Clock clock) {
        return new InMemoryHandoffRecords(clock);
    }
}
