package dev.warroom.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaVersionTest {

    @Test
    void schemaVersion_isTheNewestMigration() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            int newest = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))))
                    .max().orElseThrow();
            assertEquals(String.valueOf(newest), WarroomStore.SCHEMA_VERSION,
                    "a new migration needs WarroomStore.SCHEMA_VERSION raised, or stores would skip it");
        }
    }

    @Test
    void reopening_aCurrentStore_skipsFlyway_butAFreshOneIsMigrated(@TempDir Path dir) throws Exception {
        Path base = dir.resolve("warroom");
        try (Connection fresh = DriverManager.getConnection("jdbc:h2:file:" + base, "sa", "")) {
            assertFalse(WarroomStore.schemaIsCurrent(fresh), "no history table yet");
        }
        WarroomStore.openH2(base).close();
        try (Connection migrated = DriverManager.getConnection("jdbc:h2:file:" + base, "sa", "")) {
            assertTrue(WarroomStore.schemaIsCurrent(migrated));
            migrated.createStatement().execute(
                    "UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '3'");
            assertFalse(WarroomStore.schemaIsCurrent(migrated), "a failed migration goes back to Flyway");
        }
    }
}
