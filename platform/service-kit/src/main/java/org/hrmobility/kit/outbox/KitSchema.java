package org.hrmobility.kit.outbox;

import org.flywaydb.core.Flyway;

/**
 * Migrates the kit's own tables (outbox, inbox) in schema {@code hrm_kit}, with a migration history of its
 * own, so the kit and each service version their tables independently.
 */
public final class KitSchema {

    public static final String SCHEMA = "hrm_kit";

    private KitSchema() {
    }

    public static void migrate(JdbcSettings jdbc) {
        Flyway.configure()
                .dataSource(jdbc.url(), jdbc.user(), jdbc.password())
                .schemas(SCHEMA)
                .createSchemas(true)
                .locations("classpath:db/hrm-kit")
                .load()
                .migrate();
    }
}
