package dev.warroom.store;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Postmortem versions on a real PostgreSQL 15, the shared team store. Skipped when the server is not
 * installed, unless {@code WARROOM_REQUIRE_POSTGRES=1}.
 */
class PostgresPostmortemStoreTest extends PostmortemStoreContract {
    @RegisterExtension
    static final PostgresDatabase POSTGRES = new PostgresDatabase();

    @Override
    protected WarroomStore openStore() {
        return POSTGRES.open();
    }

    @Override
    protected Connection raw() throws SQLException {
        return POSTGRES.connect();
    }
}
