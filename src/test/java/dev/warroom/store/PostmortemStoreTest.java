package dev.warroom.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.io.TempDir;

/** Postmortem versions in the embedded H2 file store. */
class PostmortemStoreTest extends PostmortemStoreContract {
    @TempDir
    Path dir;

    private Path base() {
        return dir.resolve("warroom");
    }

    @Override
    protected WarroomStore openStore() {
        return WarroomStore.openH2(base());
    }

    @Override
    protected Connection raw() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + base() + ";WRITE_DELAY=0", "sa", "");
    }
}
