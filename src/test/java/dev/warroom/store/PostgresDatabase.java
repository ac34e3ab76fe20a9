package dev.warroom.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A store contract's PostgreSQL side, as a JUnit extension: a throwaway cluster per test class, a
 * fresh database per test, skipped when the server is not installed unless
 * {@code WARROOM_REQUIRE_POSTGRES=1}. Register it as a static field with {@code @RegisterExtension}.
 */
final class PostgresDatabase implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
    private PostgresServer server;
    private String url;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        server = PostgresServer.startIfInstalled();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        // skipping per test, not per class, so reports count every skipped test
        Assumptions.assumeTrue(server != null, PostgresServer.NOT_INSTALLED);
        url = server.createDatabase();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.close();
        }
    }

    /** The store on this test's database. */
    WarroomStore open() {
        return WarroomStore.open(url, server.user(), "");
    }

    /** A plain JDBC connection to this test's database, for checks behind the store's back. */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, server.user(), "");
    }
}
