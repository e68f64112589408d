package org.hrmobility.kit.outbox;

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
        migrate(jdbc, RetriedMigration.NONE);
    }

    /** @param retried how long to wait for a database that refuses the connection or cuts it while migrating */
    public static void migrate(JdbcSettings jdbc, RetriedMigration retried) {
        Flyway flyway = Flyway.configure()
                .dataSource(jdbc.url(), jdbc.user(), jdbc.password())
                .schemas(SCHEMA)
                .createSchemas(true)
                .locations("classpath:db/hrm-kit")
                .load();
        retried.run("the kit's schema", flyway::migrate);
    }
}
