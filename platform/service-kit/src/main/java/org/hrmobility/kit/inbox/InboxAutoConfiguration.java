package org.hrmobility.kit.inbox;

import java.time.Duration;

import org.hrmobility.kit.outbox.JdbcSettings;
import org.hrmobility.kit.outbox.OutboxAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

import io.micrometer.core.instrument.MeterRegistry;

@AutoConfiguration(after = OutboxAutoConfiguration.class)
@ConditionalOnBean(JdbcSettings.class)
public class InboxAutoConfiguration {

    @Bean
    Inbox inbox(DatabaseClient db, ReactiveTransactionManager transactions, JdbcSettings migrated, Environment env,
                ObjectProvider<MeterRegistry> meters) {
        Duration timeout = env.getProperty("hrm.inbox.timeout", Duration.class, Duration.ofSeconds(30));
        return new Inbox(db, TransactionalOperator.create(transactions), timeout, meters.getIfAvailable());
    }
}
