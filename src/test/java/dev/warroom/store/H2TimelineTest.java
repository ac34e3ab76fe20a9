package dev.warroom.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.incident.Timeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The timeline contract on the embedded H2 file store, plus what only a file store has. */
class H2TimelineTest extends TimelineContract {
    @TempDir
    Path dir;

    private Path base() {
        return dir.resolve("data").resolve("warroom");
    }

    @Override
    protected WarroomStore openStore() {
        return WarroomStore.openH2(base());
    }

    @Override
    protected Connection raw() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + base() + ";WRITE_DELAY=0", "sa", "");
    }

    @Test
    void openH2_createsParentDirsAndNamesTheDataFile() {
        WarroomStore store = open();
        Path file = dir.resolve("data").resolve("warroom.mv.db");
        assertEquals(file.toString(), store.location());
        assertTrue(Files.isRegularFile(file));
    }

    @Test
    void openH2_withSuffixOpensTheSameStore() {
        WarroomStore plain = open();
        String id = plain.timeline(clock).declare("alice", SampleEvents.declared("suffix")).id();
        plain.close();

        WarroomStore suffixed = WarroomStore.openH2(dir.resolve("data").resolve("warroom.mv.db"));
        try {
            Timeline timeline = suffixed.timeline(clock);
            assertTrue(timeline.incident(id).isPresent());
            assertFalse(Files.exists(dir.resolve("data").resolve("warroom.mv.db.mv.db")));
        } finally {
            suffixed.close();
        }
    }

    @Test
    void openH2_notADatabaseFailsNamingTheFile() throws IOException {
        Path file = dir.resolve("data").resolve("warroom.mv.db");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "this is a shopping list, not an H2 store\n".repeat(200));

        StoreException e = assertThrows(StoreException.class, this::openStore);

        assertFalse(e instanceof StoreLockedException, e.getMessage());
        assertTrue(e.getMessage().startsWith("cannot open the Warroom store " + file + ": "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void open_unreachablePostgresFailsNamingTheUrlWithoutCredentials() {
        StoreException e = assertThrows(StoreException.class, () -> WarroomStore.open(
                "jdbc:postgresql://127.0.0.1:1/warroom?password=hunter2&connectTimeout=2", "warroom", "hunter2"));
        assertTrue(e.getMessage().startsWith("cannot open the Warroom store jdbc:postgresql://127.0.0.1:1/warroom: "),
                e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        assertInstanceOf(SQLException.class, rootSql(e));
    }

    private static Throwable rootSql(Throwable e) {
        Throwable found = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException) {
                found = t;
            }
        }
        return found;
    }
}
