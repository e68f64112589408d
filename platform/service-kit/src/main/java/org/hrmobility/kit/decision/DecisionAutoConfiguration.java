package org.hrmobility.kit.decision;

import java.time.Duration;

import org.hrmobility.kit.access.Access;
import org.hrmobility.kit.access.AccessAutoConfiguration;
import org.hrmobility.kit.audit.AuditTrail;
import org.hrmobility.kit.employee.EmployeeDirectory;
import org.hrmobility.kit.outbox.JdbcSettings;
import org.hrmobility.kit.outbox.Outbox;
import org.hrmobility.kit.outbox.OutboxAutoConfiguration;
import org.hrmobility.kit.problem.ProblemExceptionHandler;
import org.hrmobility.kit.store.DocumentStore;
import org.hrmobility.kit.web.ConditionalRequests;
import org.hrmobility.kit.web.CsvExports;
import org.hrmobility.kit.web.CsvWriter;
import org.hrmobility.kit.web.IdempotencyKeys;
import org.hrmobility.kit.web.HttpContractDescription;
import org.hrmobility.kit.web.IdempotentPosts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

import tools.jackson.databind.json.JsonMapper;

/**
 * What every service with a database keeps and decides with: the document store,
 * the decision loop, and HTTP's own concurrency and retry controls ({@code ETag}/{@code If-Match},
 * {@code Idempotency-Key}).
 */
@AutoConfiguration(after = {OutboxAutoConfiguration.class, AccessAutoConfiguration.class})
@ConditionalOnBean(JdbcSettings.class)
public class DecisionAutoConfiguration {

    @Bean
    DecisionLog decisionLog(AuditTrail audit, Outbox outbox) {
        return new DecisionLog(audit, outbox);
    }

    @Bean
    DocumentStore documentStore(DatabaseClient db, Access access) {
        return new DocumentStore(db, access);
    }

    @Bean
    Decisions decisions(DocumentStore store, Access access, EmployeeDirectory employees, DecisionLog log,
                        ReactiveTransactionManager transactions) {
        return new Decisions(store, access, employees, log, TransactionalOperator.create(transactions));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    @EnableScheduling
    static class Http {

        private static final Logger log = LoggerFactory.getLogger(Http.class);

        @Bean
        ConditionalRequests conditionalRequests() {
            return new ConditionalRequests();
        }

        @Bean
        CsvExports csvExports(JsonMapper json) {
            return new CsvExports(new CsvWriter(json));
        }

        @Bean
        IdempotencyKeys idempotencyKeys(DatabaseClient db, Environment env) {
            return new IdempotencyKeys(db, env.getProperty("hrm.idempotency.retention", Duration.class, Duration.ofHours(24)));
        }

        @Bean
        IdempotentPosts idempotentPosts(IdempotencyKeys keys, ProblemExceptionHandler problems) {
            return new IdempotentPosts(keys, problems);
        }

        @Bean
        @ConditionalOnClass(name = "org.springdoc.core.customizers.GlobalOpenApiCustomizer")
        HttpContractDescription httpContractDescription() {
            return new HttpContractDescription();
        }

        @Bean
        IdempotencyPurge idempotencyPurge(IdempotencyKeys keys) {
            return new IdempotencyPurge(keys);
        }

        /** Forgets kept answers past their retention; every instance may run it, a delete twice deletes nothing more. */
        static final class IdempotencyPurge {
            private final IdempotencyKeys keys;

            IdempotencyPurge(IdempotencyKeys keys) {
                this.keys = keys;
            }

            @Scheduled(fixedDelayString = "${hrm.idempotency.purge-interval:PT1H}", initialDelayString = "PT1M")
            void purge() {
                Long purged = keys.purge().block(Duration.ofSeconds(30));
                if (purged != null && purged > 0) {
                    log.info("Forgot {} idempotency key(s) past their retention", purged);
                }
            }
        }
    }
}
