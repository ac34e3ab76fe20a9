package dev.warroom.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every stored version of every postmortem, in {@code postmortem_version}. A save adds the next
 * version number of its incident; nothing is ever overwritten.
 *
 * <p>Thread-safe: every method runs under the store's monitor, like {@link JdbcTimeline}. Two
 * processes saving the same incident's postmortem at once on a shared PostgreSQL store race for
 * the same number; the primary key refuses the loser, which takes the next number and tries once more.
 */
public final class PostmortemStore {
    /** SQLSTATE of a unique or primary-key violation, on H2 and PostgreSQL alike. */
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String SELECT = "SELECT incident_id, version, author, created_at_ms, markdown FROM postmortem_version";

    /**
     * One stored version.
     *
     * @param version 1 for the first save of the incident's postmortem, then 2, 3, ...
     */
    public record Version(String incidentId, int version, String author, Instant createdAt, String markdown) {
    }

    private final WarroomStore store;
    private final Clock clock;

    /** Versions are stamped with {@code clock}, truncated to milliseconds as the timeline's events are. */
    public PostmortemStore(WarroomStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Stores {@code markdown} as the incident's next version.
     *
     * @throws IllegalArgumentException the incident is not in the store, or the author is blank
     * @throws StoreException           the database refused the write
     */
    public Version save(String incidentId, String author, String markdown) {
        if (author == null || author.isBlank()) {
            throw new IllegalArgumentException("a postmortem version needs an author");
        }
        if (markdown == null) {
            throw new IllegalArgumentException("a postmortem version needs its text");
        }
        synchronized (store) {
            Connection c = store.connection();
            Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            for (int attempt = 1; ; attempt++) {
                try {
                    requireIncident(c, incidentId);
                    int version = latestNumber(c, incidentId) + 1;
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO postmortem_version"
                            + " (incident_id, version, author, created_at_ms, markdown) VALUES (?, ?, ?, ?, ?)")) {
                        ps.setString(1, incidentId);
                        ps.setInt(2, version);
                        ps.setString(3, author.strip());
                        ps.setLong(4, at.toEpochMilli());
                        ps.setString(5, markdown);
                        ps.executeUpdate();
                    }
                    c.commit();
                    return new Version(incidentId, version, author.strip(), at, markdown);
                } catch (SQLException e) {
                    rollback(c, e);
                    if (attempt == 1 && isConflict(e)) {
                        continue;
                    }
                    throw failure("cannot store the postmortem of " + incidentId + " in", e);
                } catch (RuntimeException e) {
                    rollback(c, e);
                    throw e;
                }
            }
        }
    }

    /** The newest version, if any was saved. */
    public Optional<Version> latest(String incidentId) {
        List<Version> newest = query(SELECT + " WHERE incident_id = ? ORDER BY version DESC", incidentId, null, 1);
        return newest.stream().findFirst();
    }

    /** Every version, oldest first. */
    public List<Version> versions(String incidentId) {
        return query(SELECT + " WHERE incident_id = ? ORDER BY version", incidentId, null, 0);
    }

    public Optional<Version> get(String incidentId, int version) {
        return query(SELECT + " WHERE incident_id = ? AND version = ?", incidentId, version, 0).stream().findFirst();
    }

    private List<Version> query(String sql, String incidentId, Integer version, int limit) {
        synchronized (store) {
            Connection c = store.connection();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, incidentId);
                if (version != null) {
                    ps.setInt(2, version);
                }
                if (limit > 0) {
                    ps.setMaxRows(limit);
                }
                List<Version> versions = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        versions.add(new Version(rs.getString(1), rs.getInt(2), rs.getString(3),
                                Instant.ofEpochMilli(rs.getLong(4)), rs.getString(5)));
                    }
                }
                c.commit();
                return List.copyOf(versions);
            } catch (SQLException e) {
                rollback(c, e);
                throw new StoreException(store.location(), "cannot read the postmortem of " + incidentId
                        + " from the Warroom store " + store.location() + ": " + WarroomStore.firstLine(e.getMessage()), e);
            }
        }
    }

    private static void requireIncident(Connection c, String incidentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM incident WHERE id = ?")) {
            ps.setString(1, incidentId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    throw new IllegalArgumentException("no incident " + incidentId);
                }
            }
        }
    }

    private static int latestNumber(Connection c, String incidentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT MAX(version) FROM postmortem_version WHERE incident_id = ?")) {
            ps.setString(1, incidentId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
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
        return new StoreException(store.location(), doing + " the Warroom store " + store.location() + ": "
                + WarroomStore.firstLine(e.getMessage()), e);
    }
}
