package dev.warroom.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.handoff.ChecklistAck;
import dev.warroom.handoff.HandoffVersion;
import dev.warroom.handoff.HandoffWeek;
import dev.warroom.time.VirtualClock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saved handoffs and checklist acks on the embedded H2 store; {@link PostgresHandoffStoreTest} runs the same on PostgreSQL. */
class HandoffStoreTest {
    private static final HandoffWeek WEEK = HandoffWeek.parse("2026-11-16");
    private static final HandoffWeek NEXT = HandoffWeek.parse("2026-11-23");

    protected final VirtualClock clock = new VirtualClock(Instant.parse("2026-11-16T09:00:00.123456Z"));
    private final List<WarroomStore> opened = new ArrayList<>();

    @TempDir
    Path dir;

    /** Opens the store under test; every call in one test opens the same database. */
    protected WarroomStore openStore() {
        return WarroomStore.openH2(dir.resolve("warroom"));
    }

    /** A plain JDBC connection to the same database, to look at rows behind the store's back. */
    protected Connection raw() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("warroom") + ";WRITE_DELAY=0", "sa", "");
    }

    private WarroomStore open() {
        WarroomStore store = openStore();
        opened.add(store);
        return store;
    }

    @AfterEach
    void closeStores() {
        opened.forEach(WarroomStore::close);
    }

    @Test
    void save_numbersVersionsPerWeek_andKeepsEveryOne() throws SQLException {
        HandoffStore store = new HandoffStore(open(), clock);
        HandoffVersion v1 = store.save(WEEK, "noor", Map.of("watchpoints", "replica lag", "vacations", "kai out Fri"));
        clock.advance(Duration.ofMinutes(10));
        HandoffVersion v2 = store.save(WEEK, "kai", Map.of("watchpoints", "replica lag, fixed", "anything-else", " "));
        HandoffVersion other = store.save(NEXT, "lee", Map.of());

        assertEquals(List.of(1, 2, 1), List.of(v1.version(), v2.version(), other.version()));
        assertEquals(Instant.parse("2026-11-16T09:00:00.123Z"), v1.savedAt(), "clock time, to the millisecond");
        assertEquals(Map.of("watchpoints", "replica lag, fixed"), v2.sections(), "blank sections are not kept");
        assertEquals(List.of(v1, v2), store.history(WEEK));
        assertEquals(v2, store.latest(WEEK).orElseThrow());
        assertEquals(List.of(other), store.history(NEXT));
        assertTrue(store.latest(HandoffWeek.parse("2026-11-30")).isEmpty());
        assertEquals(3, count("SELECT COUNT(*) FROM handoff_section"));
    }

    @Test
    void saved_survivesClosingAndReopening() {
        WarroomStore first = open();
        HandoffVersion saved = new HandoffStore(first, clock).save(WEEK, "noor", Map.of("watchpoints", "line 1\nline 2"));
        new HandoffStore(first, clock).ack(WEEK, "noor", "read-handoff");
        first.close();

        HandoffStore again = new HandoffStore(open(), clock);
        assertEquals(saved, again.latest(WEEK).orElseThrow());
        assertEquals(List.of("read-handoff"), again.acks(WEEK, "noor").stream().map(ChecklistAck::item).toList());
    }

    @Test
    void ack_twiceKeepsTheFirst_andIsPerPersonAndWeek() throws SQLException {
        HandoffStore store = new HandoffStore(open(), clock);
        Instant first = clock.instant();
        assertTrue(store.ack(WEEK, "noor", "read-handoff"));
        clock.advance(Duration.ofHours(1));
        assertFalse(store.ack(WEEK, "noor", "read-handoff"), "the second ack changes nothing");
        assertTrue(store.ack(WEEK, "noor", "run-drill"));
        assertTrue(store.ack(WEEK, "kai", "read-handoff"));
        assertTrue(store.ack(NEXT, "noor", "read-handoff"));

        List<ChecklistAck> noor = store.acks(WEEK, "noor");
        assertEquals(List.of("read-handoff", "run-drill"), noor.stream().map(ChecklistAck::item).toList());
        assertEquals(Instant.parse("2026-11-16T09:00:00.123Z"), noor.get(0).at());
        assertEquals(first.plus(Duration.ofHours(1)).toEpochMilli(), noor.get(1).at().toEpochMilli());
        assertEquals(4, count("SELECT COUNT(*) FROM handoff_checklist_ack"));
        assertTrue(store.acks(WEEK, "lee").isEmpty());
    }

    @Test
    void ack_withoutAPerson_isRefusedBeforeAnythingIsWritten() throws SQLException {
        HandoffStore store = new HandoffStore(open(), clock);
        assertThrows(IllegalArgumentException.class, () -> store.ack(WEEK, " ", "read-handoff"));
        assertEquals(0, count("SELECT COUNT(*) FROM handoff_checklist_ack"));
    }

    @Test
    void closedStore_failsWithAMessageNamingIt() {
        WarroomStore db = open();
        HandoffStore store = new HandoffStore(db, clock);
        db.close();
        StoreException e = assertThrows(StoreException.class, () -> store.latest(WEEK));
        assertEquals("the Warroom store " + db.location() + " is closed", e.getMessage());
    }

    private long count(String sql) throws SQLException {
        try (Connection c = raw(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
