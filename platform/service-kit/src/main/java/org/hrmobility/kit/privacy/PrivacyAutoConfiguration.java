package org.hrmobility.kit.privacy;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hrmobility.kit.audit.AuditTrail;
import org.hrmobility.kit.decision.DecisionAutoConfiguration;
import org.hrmobility.kit.outbox.JdbcSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

import tools.jackson.databind.json.JsonMapper;

/**
 * Privacy by design for every service with a database: the subject-access export (R-PRV-1) at
 * {@code <hrm.privacy.path>/subject-access/{employeeId}}, and the daily retention job (R-PRV-2) over the
 * {@link RetentionRule} beans the service declares.
 */
@AutoConfiguration(after = DecisionAutoConfiguration.class)
@ConditionalOnBean(JdbcSettings.class)
@EnableScheduling
public class PrivacyAutoConfiguration {

    @Bean
    SubjectAccess subjectAccess(Environment env, DatabaseClient db, JsonMapper json, ObjectProvider<PersonalData> more,
                                AuditTrail audit, ReactiveTransactionManager transactions, Clock clock) {
        List<PersonalData> parts = new ArrayList<>(List.of(MasterDataAndActs.masterData(db), new StoredRecords(db, json),
                MasterDataAndActs.deputies(db), MasterDataAndActs.acts(db)));
        more.orderedStream().forEach(parts::add);
        return new SubjectAccess(env.getRequiredProperty("spring.application.name"), parts, audit,
                TransactionalOperator.create(transactions), clock);
    }

    @Bean
    @ConditionalOnProperty("hrm.privacy.path")
    SubjectAccessController subjectAccessController(SubjectAccess access) {
        return new SubjectAccessController(access);
    }

    @Bean
    Retention retention(DatabaseClient db, AuditTrail audit, ReactiveTransactionManager transactions, Clock clock,
                        ObjectProvider<RetentionRule> rules, Environment env) {
        return new Retention(db, audit, TransactionalOperator.create(transactions), clock, rules.orderedStream().toList(), env);
    }

    @Bean
    RetentionJob retentionJob(Retention retention) {
        return new RetentionJob(retention);
    }

    /** Runs the retention every night (default 02:30 Brussels time, {@code hrm.retention.cron}). */
    static final class RetentionJob {
        private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);
        private final Retention retention;

        RetentionJob(Retention retention) {
            this.retention = retention;
        }

        @Scheduled(cron = "${hrm.retention.cron:0 30 2 * * *}", zone = "Europe/Brussels")
        void run() {
            Map<String, Long> deleted = retention.apply().block(Duration.ofMinutes(30));
            log.info("Retention run: {}", deleted);
        }
    }
}
