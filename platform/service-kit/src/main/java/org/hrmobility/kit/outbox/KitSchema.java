package org.hrmobility.kit.outbox;

import java.time.Duration;

import org.flywaydb.core.Flyway;

/**
 * Migrates the kit's own tables (outbox, inbox) in schema {@code hrm_kit}, with a migration history of its
 * own, so the kit and each service version their tables independently. A service that starts while its database is
 * away for a moment (a restart) waits for it, as the service's own migrations do ({@link RetriedMigration}), instead of
 * exiting at its first refused or cut connection.
 */
public final class KitSchema {

    public static final String SCHEMA = "hrm_kit";

    private KitSchema() {
    }

    public static void migrate(JdbcSettings jdbc) {
        migrate(jdbc, 0, Duration.ZERO);
    }

    /**
     * @param retries how many times to try again when the database refuses the connection or cuts it while migrating,
     *                waiting 1 s, then twice as long each time, at most {@code maxInterval}
     */
    public static void migrate(JdbcSettings jdbc, int retries, Duration maxInterval) {
        Flyway flyway = Flyway.configure()
                .dataSource(jdbc.url(), jdbc.user(), jdbc.password())
                .schemas(SCHEMA)
                .createSchemas(true)
                .locations("classpath:db/hrm-kit")
                .load();
        RetriedMigration.run("the kit's schema", flyway::migrate, retries, maxInterval);
    }
}
