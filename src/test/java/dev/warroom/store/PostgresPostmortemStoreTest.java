package dev.warroom.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Postmortem versions on a real PostgreSQL 15, the shared team store. Skipped when the server is
 * not installed, unless {@code WARROOM_REQUIRE_POSTGRES=1}.
 */
class PostgresPostmortemStoreTest extends PostmortemStoreContract {
    private static PostgresServer server;
    private String url;

    @BeforeAll
    static void startServer() throws Exception {
        server = PostgresServer.startIfInstalled();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void freshDatabase() throws SQLException {
        Assumptions.assumeTrue(server != null, PostgresServer.NOT_INSTALLED);
        url = server.createDatabase();
    }

    @Override
    protected WarroomStore openStore() {
        return WarroomStore.open(url, server.user(), "");
    }

    @Override
    protected Connection raw() throws SQLException {
        return DriverManager.getConnection(url, server.user(), "");
    }
}
