package dev.warroom.store;

import dev.warroom.handoff.ChecklistAck;
import dev.warroom.handoff.HandoffVersion;
import dev.warroom.handoff.HandoffWeek;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Saved handoffs and checklist acks of a {@link WarroomStore} ({@code V3__handoff.sql}). Handoff
 * versions are append-only: a save is a new version, never an update, so the history is kept.
 *
 * <p>Thread-safe: every method runs under the store's monitor, on the store's one connection.
 */
public final class HandoffStore {
    /** SQLSTATE of a unique or primary-key violation, on H2 and PostgreSQL alike. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final WarroomStore store;
    private final Clock clock;

    /** {@code clock} stamps saves and acks (truncated to milliseconds, what the store keeps). */
    public HandoffStore(WarroomStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Saves the typed sections as the week's next version and returns it once committed.
     *
     * @param sections section key to text; blank sections are not kept
     */
    public HandoffVersion save(HandoffWeek week, String author, Map<String, String> sections) {
        Map<String, String> kept = new LinkedHashMap<>();
        sections.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                kept.put(k, v);
            }
        });
        synchronized (store) {
            Connection c = store.connection();
            Instant at = now();
            // another writer of a shared store can take the same next version between our read and
            // our insert: the primary key refuses one, and the loser reads the maximum again
            for (int attempt = 1; ; attempt++) {
                try {
                    HandoffVersion saved = new HandoffVersion(week, nextVersion(c, week), author, at, kept);
                    try (PreparedStatement ps = c.prepareStatement(
                            "INSERT INTO handoff_version (week, version, author, saved_at_ms) VALUES (?, ?, ?, ?)")) {
                        ps.setString(1, week.id());
                        ps.setLong(2, saved.version());
                        ps.setString(3, saved.author());
                        ps.setLong(4, at.toEpochMilli());
                        ps.executeUpdate();
                    }
                    try (PreparedStatement ps = c.prepareStatement(
                            "INSERT INTO handoff_section (week, version, section, body) VALUES (?, ?, ?, ?)")) {
                        for (Map.Entry<String, String> s : saved.sections().entrySet()) {
                            ps.setString(1, week.id());
                            ps.setLong(2, saved.version());
                            ps.setString(3, s.getKey());
                            ps.setString(4, s.getValue());
                            ps.addBatch();
                        }
                        ps.executeBatch();
                    }
                    c.commit();
                    return saved;
                } catch (SQLException e) {
                    rollback(c, e);
                    if (attempt == 1 && isConflict(e)) {
                        continue;
                    }
                    throw failure("cannot save the handoff for the week of " + week.id() + " in", e);
                } catch (RuntimeException e) {
                    rollback(c, e);
                    throw e;
                }
            }
        }
    }

    /** The week's newest version; empty if nobody saved one. */
    public Optional<HandoffVersion> latest(HandoffWeek week) {
        List<HandoffVersion> all = history(week);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** Every saved version of the week, oldest first. */
    public List<HandoffVersion> history(HandoffWeek week) {
        synchronized (store) {
            Connection c = store.connection();
            try {
                Map<Long, Map<String, String>> sections = new LinkedHashMap<>();
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT version, section, body FROM handoff_section WHERE week = ? ORDER BY version, section")) {
                    ps.setString(1, week.id());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            sections.computeIfAbsent(rs.getLong("version"), v -> new LinkedHashMap<>())
                                    .put(rs.getString("section"), rs.getString("body"));
                        }
                    }
                }
                List<HandoffVersion> versions = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT version, author, saved_at_ms FROM handoff_version WHERE week = ? ORDER BY version")) {
                    ps.setString(1, week.id());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            long version = rs.getLong("version");
                            versions.add(new HandoffVersion(week, Math.toIntExact(version), rs.getString("author"),
                                    Instant.ofEpochMilli(rs.getLong("saved_at_ms")),
                                    sections.getOrDefault(version, Map.of())));
                        }
                    }
                }
                c.commit();
                return List.copyOf(versions);
            } catch (SQLException e) {
                rollback(c, e);
                throw failure("cannot read the handoff for the week of " + week.id() + " from", e);
            }
        }
    }

    /**
     * Records that {@code person} did checklist {@code item} this week. Acking again changes
     * nothing: the first ack and its time stay.
     *
     * @return true if this call recorded the ack, false if it was already there
     */
    public boolean ack(HandoffWeek week, String person, String item) {
        HandoffVersion.requireName(person);
        synchronized (store) {
            Connection c = store.connection();
            try {
                if (acked(c, week, person, item)) {
                    c.commit();
                    return false;
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO handoff_checklist_ack (week, person, item, acked_at_ms) VALUES (?, ?, ?, ?)")) {
                    ps.setString(1, week.id());
                    ps.setString(2, person);
                    ps.setString(3, item);
                    ps.setLong(4, now().toEpochMilli());
                    ps.executeUpdate();
                }
                c.commit();
                return true;
            } catch (SQLException e) {
                rollback(c, e);
                if (isConflict(e)) {
                    // another process acked it between our check and our insert: it is acked, as asked
                    return false;
                }
                throw failure("cannot record the checklist ack of " + person + " in", e);
            }
        }
    }

    /** {@code person}'s acks for the week, in the order they were made. */
    public List<ChecklistAck> acks(HandoffWeek week, String person) {
        synchronized (store) {
            Connection c = store.connection();
            try (PreparedStatement ps = c.prepareStatement("SELECT item, acked_at_ms FROM handoff_checklist_ack"
                    + " WHERE week = ? AND person = ? ORDER BY acked_at_ms, item")) {
                ps.setString(1, week.id());
                ps.setString(2, person);
                List<ChecklistAck> acks = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        acks.add(new ChecklistAck(week, person, rs.getString("item"),
                                Instant.ofEpochMilli(rs.getLong("acked_at_ms"))));
                    }
                }
                c.commit();
                return List.copyOf(acks);
            } catch (SQLException e) {
                rollback(c, e);
                throw failure("cannot read the checklist of " + person + " from", e);
            }
        }
    }

    private static boolean acked(Connection c, HandoffWeek week, String person, String item) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM handoff_checklist_ack WHERE week = ? AND person = ? AND item = ?")) {
            ps.setString(1, week.id());
            ps.setString(2, person);
            ps.setString(3, item);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    private static int nextVersion(Connection c, HandoffWeek week) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(version) FROM handoff_version WHERE week = ?")) {
            ps.setString(1, week.id());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Math.toIntExact(rs.getLong(1) + 1);
            }
        }
    }

    private static boolean isConflict(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            for (Throwable t = s; t != null; t = t.getCause()) {
                if (t instanceof SQLException q && UNIQUE_VIOLATION.equals(q.getSQLState())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void rollback(Connection c, Exception failure) {
        try {
            c.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private StoreException failure(String doing, SQLException e) {
        SQLException detail = e.getNextException() != null ? e.getNextException() : e;
        return new StoreException(store.location(), doing + " the Warroom store " + store.location() + ": "
                + WarroomStore.firstLine(detail.getMessage()), e);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
