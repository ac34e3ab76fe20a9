package dev.warroom.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.time.VirtualClock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What {@link PostmortemStore} promises, run against every database the store supports. */
abstract class PostmortemStoreContract {
    protected final VirtualClock clock = new VirtualClock(Instant.parse("2026-11-18T03:00:00.123456Z"));
    private final List<WarroomStore> opened = new ArrayList<>();

    protected abstract WarroomStore openStore();

    protected abstract Connection raw() throws SQLException;

    protected final WarroomStore open() {
        WarroomStore store = openStore();
        opened.add(store);
        return store;
    }

    @AfterEach
    void closeStores() {
        opened.forEach(WarroomStore::close);
    }

    private long count(String sql, String arg) throws SQLException {
        try (Connection c = raw(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void save_numbersVersionsPerIncidentAndKeepsEveryOne() throws SQLException {
        WarroomStore store = open();
        String a = store.timeline(clock).declare("alice", SampleEvents.declared("a")).id();
        String b = store.timeline(clock).declare("alice", SampleEvents.declared("b")).id();
        PostmortemStore postmortems = new PostmortemStore(store, clock);

        PostmortemStore.Version a1 = postmortems.save(a, "ana", "# first\n");
        clock.advance(Duration.ofMinutes(10));
        PostmortemStore.Version b1 = postmortems.save(b, "li", "# other incident\n");
        PostmortemStore.Version a2 = postmortems.save(a, "li", "# second, ünïcødé\n");

        assertEquals(1, a1.version());
        assertEquals(1, b1.version());
        assertEquals(2, a2.version());
        assertEquals(Instant.parse("2026-11-18T03:00:00.123Z"), a1.createdAt(), "truncated to what the store keeps");
        assertEquals(List.of(a1, a2), postmortems.versions(a));
        assertEquals(Optional.of(a2), postmortems.latest(a));
        assertEquals(Optional.of(a1), postmortems.get(a, 1));
        assertEquals(Optional.empty(), postmortems.get(a, 3));
        assertEquals(2, count("SELECT COUNT(*) FROM postmortem_version WHERE incident_id = ?", a));
    }

    @Test
    void versions_surviveReopening() {
        WarroomStore first = open();
        String id = first.timeline(clock).declare("alice", SampleEvents.declared("reopen")).id();
        String big = "| row |\n".repeat(50_000);
        PostmortemStore.Version saved = new PostmortemStore(first, clock).save(id, "ana", big);
        first.close();

        PostmortemStore reopened = new PostmortemStore(open(), clock);
        assertEquals(Optional.of(saved), reopened.latest(id));
        assertEquals(2, reopened.save(id, "ana", "shorter\n").version());
    }

    @Test
    void latest_ofAnIncidentWithoutPostmortem_isEmpty() {
        WarroomStore store = open();
        String id = store.timeline(clock).declare("alice", SampleEvents.declared("none")).id();
        PostmortemStore postmortems = new PostmortemStore(store, clock);
        assertEquals(Optional.empty(), postmortems.latest(id));
        assertEquals(List.of(), postmortems.versions(id));
    }

    @Test
    void save_forAnUnknownIncident_isRefusedNamingIt() throws SQLException {
        PostmortemStore postmortems = new PostmortemStore(open(), clock);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> postmortems.save("INC-0042", "ana", "text"));
        assertEquals("no incident INC-0042", e.getMessage());
        assertEquals(0, count("SELECT COUNT(*) FROM postmortem_version WHERE incident_id = ?", "INC-0042"));
    }

    @Test
    void save_fromTwoStoresOnOneDatabase_takesTheNextNumber() {
        WarroomStore mine = open();
        String id = mine.timeline(clock).declare("alice", SampleEvents.declared("two writers")).id();
        WarroomStore theirs = open();

        new PostmortemStore(mine, clock).save(id, "ana", "mine\n");
        PostmortemStore.Version late = new PostmortemStore(theirs, clock).save(id, "li", "theirs\n");

        assertEquals(2, late.version());
        assertEquals(List.of("ana", "li"), new PostmortemStore(mine, clock).versions(id).stream()
                .map(PostmortemStore.Version::author).toList());
    }

    @Test
    void save_withoutAuthor_isRefused() {
        WarroomStore store = open();
        String id = store.timeline(clock).declare("alice", SampleEvents.declared("anonymous")).id();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PostmortemStore(store, clock).save(id, " ", "text"));
        assertTrue(e.getMessage().contains("author"), e.getMessage());
    }
}
