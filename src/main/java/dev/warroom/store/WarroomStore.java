package dev.warroom.store;

import dev.warroom.incident.Incident;
import dev.warroom.incident.TimelineEvent;
import dev.warroom.incident.Timeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;

/**
 * An open Warroom store: the embedded H2 file by default, or a PostgreSQL database shared by a
 * team. Opening migrates the schema (Flyway, {@code classpath:db/migration}) and folds every
 * stored incident once, so reads come from memory and writes only append.
 *
 * <p>Thread-safe: one JDBC connection, used under this object's monitor by every
 * {@link JdbcTimeline} it hands out. Those timelines share one incident cache, so several views
 * with different clocks (a drill's accelerated clock, the wall clock) never disagree.
 */
public final class WarroomStore implements AutoCloseable {
    /** H2's ErrorCode.DATABASE_ALREADY_OPEN_1: another process holds the file lock. */
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;

    private final Connection connection;
    private final String location;
    private final Map<String, Incident> incidents;
    private final Map<String, List<TimelineEvent>> eventCache = new HashMap<>();
    private boolean closed;

    private WarroomStore(Connection connection, String location) {
        this.connection = connection;
        this.location = location;
        this.incidents = new HashMap<>();
    }

    /**
     * Opens (creating if needed) the embedded store whose H2 base name is {@code base}, e.g.
     * {@code ~/.local/share/warroom/warroom} for the file {@code warroom.mv.db}; a path ending in
     * {@code .mv.db} is accepted too. Every commit reaches the file before it returns
     * ({@code WRITE_DELAY=0}), so a killed process loses no acknowledged event.
     *
     * @throws StoreLockedException another process has the file open
     * @throws StoreException       the file cannot be created, read or migrated
     */
    public static WarroomStore openH2(Path base) {
        Path abs = StorePaths.normalise(base.toString(), Path.of(System.getProperty("user.home")));
        String location = StorePaths.dataFile(abs).toString();
        if (abs.toString().contains(";")) {
            // H2 reads ';' in a URL as the start of its settings
            throw new StoreException(location, "cannot open the Warroom store " + location
                    + ": the path contains ';'; choose another --db PATH", null);
        }
        try {
            Files.createDirectories(abs.getParent());
        } catch (IOException e) {
            throw new StoreException(location, "cannot create the folder of the Warroom store " + location + ": "
                    + e, e);
        }
        return open("jdbc:h2:file:" + abs + ";WRITE_DELAY=0", "sa", "", location);
    }

    /**
     * Opens a store by JDBC URL, typically {@code jdbc:postgresql://host/warroom} for a team store.
     *
     * @throws StoreException the database cannot be reached or migrated; the message names the URL
     *                        without its parameters, which may hold credentials
     */
    public static WarroomStore open(String jdbcUrl, String user, String password) {
        return open(jdbcUrl, user, password, redact(jdbcUrl));
    }

    /** The newest migration in {@code db/migration}; a test keeps the two in step. */
    static final String SCHEMA_VERSION = "3";

    private static WarroomStore open(String url, String user, String password, String location) {
        Connection connection = null;
        try {
            // our connection first: for H2 it takes the file lock, so a second process fails here with 90020
            connection = DriverManager.getConnection(url, user, password);
            if (!schemaIsCurrent(connection)) {
                Flyway.configure()
                        .dataSource(url, user, password)
                        .locations("classpath:db/migration")
                        .load()
                        .migrate();
            }
            connection.setAutoCommit(false);
            WarroomStore store = new WarroomStore(connection, location);
            store.incidents.putAll(JdbcTimeline.loadAll(connection, location));
            return store;
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection, e);
            if (e instanceof StoreException s) {
                throw s;
            }
            throw openFailure(url, location, e);
        }
    }

    /**
     * True when every migration up to {@link #SCHEMA_VERSION} was applied: then Flyway, which
     * costs about half a second to start, has nothing to do and the console opens sooner.
     * Any doubt (no history table, a failed migration) leaves it to Flyway.
     */
    static boolean schemaIsCurrent(Connection connection) {
        String sql = "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"success\" = TRUE AND \"version\" = ?";
        try (var ps = connection.prepareStatement(sql)) {
            ps.setString(1, SCHEMA_VERSION);
            try (var rs = ps.executeQuery()) {
                boolean current = rs.next() && rs.getInt(1) == 1;
                if (!connection.getAutoCommit()) {
                    connection.commit();
                }
                return current;
            }
        } catch (SQLException e) {
            try {
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                }
            } catch (SQLException ignored) {
                // the migration that follows reports any real trouble with the connection
            }
            return false;
        }
    }

    /**
     * The timeline of this store, stamping new events with {@code clock} (truncated to
     * milliseconds). Every timeline of one store shares its connection and incident cache.
     */
    public Timeline timeline(Clock clock) {
        return new JdbcTimeline(this, clock);
    }

    /** The H2 data file ({@code ....mv.db}) or the JDBC URL without parameters: for messages. */
    public String location() {
        return location;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException(location, "cannot close the Warroom store " + location + ": "
                    + firstLine(e.getMessage()), e);
        }
    }

    /** The connection, for {@link JdbcTimeline}; callers hold this store's monitor. */
    Connection connection() {
        if (closed) {
            throw new StoreException(location, "the Warroom store " + location + " is closed", null);
        }
        return connection;
    }

    /**
     * Each incident's events as last read or written, for {@link JdbcTimeline}: the console reads a
     * timeline every second, and an append-only timeline whose length matches the folded incident
     * has not changed. Callers hold this store's monitor.
     */
    Map<String, List<TimelineEvent>> eventCache() {
        return eventCache;
    }

    /** The folded incidents by id, for {@link JdbcTimeline}; callers hold this store's monitor. */
    Map<String, Incident> incidents() {
        return incidents;
    }

    static StoreException openFailure(String url, String location, Throwable e) {
        SQLException root = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                if (url.startsWith("jdbc:h2:") && s.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
                    return new StoreLockedException(location, e);
                }
                root = s;
            }
        }
        String reason = root != null ? firstLine(root.getMessage()) : firstLine(e.getMessage());
        return new StoreException(location, "cannot open the Warroom store " + location + ": " + reason, e);
    }

    static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "no reason given";
        }
        String line = message.strip().lines().findFirst().orElse("");
        return line.strip();
    }

    private static String redact(String jdbcUrl) {
        int params = indexOfAny(jdbcUrl, '?', ';');
        return params < 0 ? jdbcUrl : jdbcUrl.substring(0, params);
    }

    private static int indexOfAny(String s, char a, char b) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == a || s.charAt(i) == b) {
                return i;
            }
        }
        return -1;
    }

    private static void closeQuietly(Connection connection, Exception failure) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
