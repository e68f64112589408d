package org.hrmobility.kit.inbox;

import java.time.Clock;
import java.time.Duration;

import org.hrmobility.kit.outbox.JdbcSettings;
import org.hrmobility.kit.outbox.OutboxAutoConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

import io.micrometer.core.instrument.MeterRegistry;

@AutoConfiguration(after = OutboxAutoConfiguration.class)
@ConditionalOnBean(JdbcSettings.class)
@EnableScheduling
public class InboxAutoConfiguration {

    @Bean
    Inbox inbox(DatabaseClient db, ReactiveTransactionManager transactions, JdbcSettings migrated, Environment env,
                ObjectProvider<MeterRegistry> meters) {
        Duration timeout = env.getProperty("hrm.inbox.timeout", Duration.class, Duration.ofSeconds(30));
        return new Inbox(db, TransactionalOperator.create(transactions), timeout, meters.getIfAvailable());
    }

    @Bean
    InboxPurge inboxPurge(Inbox inbox, Clock clock, Environment env) {
        return new InboxPurge(inbox, clock, env.getProperty("hrm.inbox.retention", Duration.class, Duration.ofDays(30)));
    }

    /**
     * Forgets received events past the retention (default 30 days, longer than the dead-letter topics keep records), in
     * bounded deletes. Every instance may run it: a delete twice deletes nothing more.
     */
    static final class InboxPurge {
        private static final Logger log = LoggerFactory.getLogger(InboxPurge.class);
        private static final int BATCH = 5_000;

        private final Inbox inbox;
        private final Clock clock;
        private final Duration retention;

        InboxPurge(Inbox inbox, Clock clock, Duration retention) {
            this.inbox = inbox;
            this.clock = clock;
            this.retention = retention;
        }

        @Scheduled(fixedDelayString = "${hrm.inbox.purge-interval:PT1H}", initialDelayString = "PT2M")
        void purge() {
            Long purged = inbox.purgeReceivedBefore(clock.instant().minus(retention), BATCH).block(Duration.ofMinutes(5));
            if (purged != null && purged > 0) {
                log.info("Forgot {} received event(s) past the inbox retention of {}", purged, retention);
            }
        }
    }
}
