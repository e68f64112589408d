package org.hrmobility.kit.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.hrmobility.kit.audit.AuditTrail;
import org.hrmobility.kit.kafka.KafkaClients;
import org.hrmobility.kit.kafka.KafkaClientsAutoConfiguration;
import org.hrmobility.kit.observability.TraceContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;

import io.micrometer.core.instrument.MeterRegistry;

/** The outbox of a service with a database: {@link Outbox} to write, {@link OutboxRelay} to publish. */
@AutoConfiguration(after = {R2dbcAutoConfiguration.class, FlywayAutoConfiguration.class, KafkaClientsAutoConfiguration.class})
@ConditionalOnProperty("spring.flyway.url")
@EnableConfigurationProperties(OutboxRelayProperties.class)
public class OutboxAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** How the start waits for a database away for a moment: the migrations' and any start-time task's one setting. */
    @Bean
    RetriedMigration retriedMigration(Environment env) {
        return new RetriedMigration(env.getProperty("hrm.migration.retries", Integer.class, 0),
                env.getProperty("hrm.migration.max-interval", Duration.class, Duration.ofSeconds(10)));
    }

    @Bean
    JdbcSettings outboxJdbcSettings(Environment env, RetriedMigration retried) {
        JdbcSettings jdbc = new JdbcSettings(env.getRequiredProperty("spring.flyway.url"),
                env.getProperty("spring.flyway.user", ""), env.getProperty("spring.flyway.password", ""));
        KitSchema.migrate(jdbc, retried);
        return jdbc;
    }

    /** The service's own migrations, tried again as the kit's are when the database is away at start or cuts them. */
    @Bean
    @ConditionalOnMissingBean
    FlywayMigrationStrategy retriedFlywayMigration(RetriedMigration retried) {
        return flyway -> retried.run("the service's schema", flyway::migrate);
    }

    @Bean
    Outbox outbox(DatabaseClient db, JdbcSettings migrated, Environment env, Clock clock, TraceContext traceContext) {
        return new Outbox(db, "/hrm/" + env.getRequiredProperty("spring.application.name"), clock,
                traceContext::traceparent);
    }

    @Bean
    AuditTrail auditTrail(DatabaseClient db, JdbcSettings migrated) {
        return new AuditTrail(db);
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "hrm.outbox.enabled", matchIfMissing = true)
    OutboxRelay outboxRelay(JdbcSettings jdbc, Environment env, OutboxRelayProperties properties, Clock clock,
                            ObjectProvider<MeterRegistry> registry, KafkaClients kafka) {
        OutboxRelay relay = new OutboxRelay(env.getRequiredProperty("spring.application.name"), jdbc,
                kafka.producer(Map.of()), properties, clock);
        registry.ifAvailable(relay::withMetrics);
        return relay;
    }
}
