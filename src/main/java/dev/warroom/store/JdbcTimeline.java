package dev.warroom.store;

import dev.warroom.incident.EventPayload;
import dev.warroom.incident.Incident;
import dev.warroom.incident.IncidentIds;
import dev.warroom.incident.Timeline;
import dev.warroom.incident.TimelineEvent;
import dev.warroom.incident.TimelineJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link Timeline} of a {@link WarroomStore}: append-only rows in {@code timeline_event}.
 *
 * <p>Every write folds its events onto the cached incident first, so an illegal event throws
 * {@link dev.warroom.incident.IllegalTransitionException} before anything is written; the rows are
 * then inserted and committed in one transaction, and only after the commit does the call return.
 * If another process appended to the same incident first (possible on a shared PostgreSQL store),
 * the primary key refuses the insert; the incident is reloaded and the write validated and tried
 * once more.
 *
 * <p>Thread-safe: every method runs under the store's monitor. Reads of incidents come from the
 * cache this process keeps; {@link #refresh()} reloads it to see other processes' writes.
 */
public final class JdbcTimeline implements Timeline {
    /** SQLSTATE of a unique or primary-key violation, on H2 and PostgreSQL alike. */
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String SELECT_EVENTS = "SELECT incident_id, seq, at_ms, actor, type, payload FROM timeline_event";

    private final WarroomStore store;
    private final Clock clock;

    JdbcTimeline(WarroomStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public Incident declare(String actor, EventPayload.IncidentDeclared declared) {
        synchronized (store) {
            Connection c = store.connection();
            Instant at = now();
            // a second writer can take the same MAX+1 between our read and our insert: the
            // unique number refuses one of them, and the loser simply reads the maximum again
            for (int attempt = 1; ; attempt++) {
                try {
                    long number = nextNumber(c);
                    String id = IncidentIds.format(number);
                    TimelineEvent first = new TimelineEvent(id, 1, at, actor, declared);
                    Incident incident = Incident.apply(null, first);
                    try (PreparedStatement ps = c.prepareStatement(
                            "INSERT INTO incident (id, number, declared_at_ms) VALUES (?, ?, ?)")) {
                        ps.setString(1, id);
                        ps.setLong(2, number);
                        ps.setLong(3, at.toEpochMilli());
                        ps.executeUpdate();
                    }
                    insert(c, List.of(first));
                    c.commit();
                    store.incidents().put(id, incident);
                    return incident;
                } catch (SQLException e) {
                    rollback(c, e);
                    if (attempt == 1 && isConflict(e)) {
                        continue;
                    }
                    throw writeFailure("cannot declare an incident in", e);
                } catch (RuntimeException e) {
                    rollback(c, e);
                    throw e;
                }
            }
        }
    }

    @Override
    public TimelineEvent record(String incidentId, String actor, EventPayload payload) {
        return recordAll(incidentId, actor, List.of(payload)).get(0);
    }

    @Override
    public List<TimelineEvent> recordAll(String incidentId, String actor, List<? extends EventPayload> payloads) {
        synchronized (store) {
            Connection c = store.connection();
            Incident before = require(incidentId);
            Instant at = now();
            Folded folded = fold(before, at, actor, payloads);
            if (folded.events().isEmpty()) {
                return List.of();
            }
            try {
                insert(c, folded.events());
                c.commit();
            } catch (SQLException e) {
                rollback(c, e);
                if (!isConflict(e)) {
                    throw writeFailure("cannot record " + incidentId + " events in", e);
                }
                folded = fold(reload(c, incidentId), at, actor, payloads);
                try {
                    insert(c, folded.events());
                    c.commit();
                } catch (SQLException again) {
                    rollback(c, again);
                    throw writeFailure(isConflict(again)
                            ? "another process keeps appending to " + incidentId + "; nothing was recorded in"
                            : "cannot record " + incidentId + " events in", again);
                }
            }
            List<TimelineEvent> cached = store.eventCache().get(incidentId);
            if (cached != null && cached.size() == folded.events().get(0).seq() - 1) {
                List<TimelineEvent> grown = new ArrayList<>(cached);
                grown.addAll(folded.events());
                store.eventCache().put(incidentId, List.copyOf(grown));
            } else {
                store.eventCache().remove(incidentId);
            }
            store.incidents().put(incidentId, folded.after());
            return folded.events();
        }
    }

    @Override
    public List<TimelineEvent> events(String incidentId) {
        synchronized (store) {
            Incident known = store.incidents().get(incidentId);
            List<TimelineEvent> cached = store.eventCache().get(incidentId);
            if (known != null && cached != null && cached.size() == known.lastSeq()) {
                return cached;
            }
            Connection c = store.connection();
            try (PreparedStatement ps = c.prepareStatement(SELECT_EVENTS + " WHERE incident_id = ? ORDER BY seq")) {
                ps.setString(1, incidentId);
                List<TimelineEvent> events = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        events.add(readEvent(rs, store.location()));
                    }
                }
                c.commit();
                List<TimelineEvent> read = List.copyOf(events);
                if (known != null && read.size() == known.lastSeq()) {
                    store.eventCache().put(incidentId, read);
                }
                return read;
            } catch (SQLException e) {
                rollback(c, e);
                throw new StoreException(store.location(), "cannot read " + incidentId + " from the Warroom store "
                        + store.location() + ": " + WarroomStore.firstLine(e.getMessage()), e);
            }
        }
    }

    /** From the cache; an id this process has not seen is looked up in the database (another writer's). */
    @Override
    public Optional<Incident> incident(String incidentId) {
        synchronized (store) {
            Incident cached = store.incidents().get(incidentId);
            if (cached != null) {
                return Optional.of(cached);
            }
            Connection c = store.connection();
            return Optional.ofNullable(load(c, incidentId));
        }
    }

    @Override
    public List<Incident> incidents() {
        synchronized (store) {
            return store.incidents().values().stream()
                    .sorted(Comparator.comparing(Incident::declaredAt).reversed()
                            .thenComparing(Incident::id, Comparator.reverseOrder()))
                    .toList();
        }
    }

    /** Reloads every incident from the database, picking up what other processes recorded. */
    public void refresh() {
        synchronized (store) {
            Map<String, Incident> loaded = loadAll(store.connection(), store.location());
            store.incidents().clear();
            store.incidents().putAll(loaded);
            store.eventCache().clear();
        }
    }

    /** Folds every stored timeline; an unreadable or illegal row fails naming its incident and seq. */
    static Map<String, Incident> loadAll(Connection c, String location) {
        try (PreparedStatement ps = c.prepareStatement(SELECT_EVENTS + " ORDER BY incident_id, seq")) {
            // PostgreSQL streams with a fetch size only inside a transaction, which we are in
            ps.setFetchSize(1000);
            Map<String, Incident> incidents = new LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    TimelineEvent event = readEvent(rs, location);
                    incidents.put(event.incidentId(),
                            applyStored(incidents.get(event.incidentId()), event, location));
                }
            }
            c.commit();
            return new HashMap<>(incidents);
        } catch (SQLException e) {
            throw new StoreException(location, "cannot read the Warroom store " + location + ": "
                    + WarroomStore.firstLine(e.getMessage()), e);
        }
    }

    private Incident reload(Connection c, String incidentId) {
        Incident incident = load(c, incidentId);
        if (incident == null) {
            throw new StoreException(store.location(), incidentId + " has no events in the Warroom store "
                    + store.location(), null);
        }
        return incident;
    }

    /** Folds one incident from the database into the cache; null if it has no events. */
    private Incident load(Connection c, String incidentId) {
        try (PreparedStatement ps = c.prepareStatement(SELECT_EVENTS + " WHERE incident_id = ? ORDER BY seq")) {
            ps.setString(1, incidentId);
            Incident incident = null;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    incident = applyStored(incident, readEvent(rs, store.location()), store.location());
                }
            }
            c.commit();
            if (incident != null) {
                store.incidents().put(incidentId, incident);
            }
            return incident;
        } catch (SQLException e) {
            rollback(c, e);
            throw new StoreException(store.location(), "cannot reload " + incidentId + " from the Warroom store "
                    + store.location() + ": " + WarroomStore.firstLine(e.getMessage()), e);
        }
    }

    private static Incident applyStored(Incident before, TimelineEvent event, String location) {
        try {
            return Incident.apply(before, event);
        } catch (RuntimeException e) {
            throw new StoreException(location, "the Warroom store " + location + " holds an invalid timeline at "
                    + event.incidentId() + " seq " + event.seq() + " (" + event.type() + "): " + e.getMessage(), e);
        }
    }

    private static TimelineEvent readEvent(ResultSet rs, String location) throws SQLException {
        String incidentId = rs.getString("incident_id");
        long seq = rs.getLong("seq");
        String type = rs.getString("type");
        try {
            EventPayload payload = TimelineJson.payloadFromJson(rs.getString("payload"));
            if (!payload.type().equals(type)) {
                throw new IllegalArgumentException("the row says " + type + " but its payload is " + payload.type());
            }
            return new TimelineEvent(incidentId, seq, Instant.ofEpochMilli(rs.getLong("at_ms")),
                    rs.getString("actor"), payload);
        } catch (IllegalArgumentException e) {
            throw new StoreException(location, "the Warroom store " + location + " has an unreadable event "
                    + incidentId + " seq " + seq + " (" + type + "): " + e.getMessage(), e);
        }
    }

    private static Folded fold(Incident before, Instant at, String actor, List<? extends EventPayload> payloads) {
        Incident incident = before;
        List<TimelineEvent> events = new ArrayList<>(payloads.size());
        for (EventPayload payload : payloads) {
            TimelineEvent event = new TimelineEvent(incident.id(), incident.lastSeq() + 1, at, actor, payload);
            incident = incident.apply(event);
            events.add(event);
        }
        return new Folded(List.copyOf(events), incident);
    }

    private static void insert(Connection c, List<TimelineEvent> events) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO timeline_event (incident_id, seq, at_ms, actor, type, payload) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (TimelineEvent e : events) {
                ps.setString(1, e.incidentId());
                ps.setLong(2, e.seq());
                ps.setLong(3, e.at().toEpochMilli());
                ps.setString(4, e.actor());
                ps.setString(5, e.type());
                ps.setString(6, TimelineJson.payloadToJson(e.payload()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static long nextNumber(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(number) FROM incident");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1) + 1;
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

    private void rollback(Connection c, Exception failure) {
        try {
            c.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private StoreException writeFailure(String doing, SQLException e) {
        SQLException detail = e.getNextException() != null ? e.getNextException() : e;
        return new StoreException(store.location(), doing + " the Warroom store " + store.location() + ": "
                + WarroomStore.firstLine(detail.getMessage()), e);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private record Folded(List<TimelineEvent> events, Incident after) {
    }
}
