package org.hrmobility.kit.access;

import java.time.Clock;
import java.util.function.Consumer;

import org.hrmobility.contracts.workbench.WorkbenchEvents;
import org.hrmobility.kit.employee.EmployeeAutoConfiguration;
import org.hrmobility.kit.inbox.Inbox;
import org.hrmobility.kit.outbox.JdbcSettings;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.messaging.Message;
import org.springframework.r2dbc.core.DatabaseClient;

import reactor.core.publisher.Mono;

/**
 * Every service with a database decides who may see and act on a file from today's master data and the deputies of
 * line managers (R-ACC-1, R-ACC-3); a service that binds {@code deputies-in-0} to {@code hrm.workbench.events} also gets
 * the consumer that keeps the deputies, through the inbox.
 */
@AutoConfiguration(after = EmployeeAutoConfiguration.class)
@ConditionalOnBean(JdbcSettings.class)
public class AccessAutoConfiguration {

    @Bean
    Access access(DatabaseClient db, Clock clock) {
        return new Access(db, clock);
    }

    @Bean
    Deputies deputyDirectory(DatabaseClient db, JdbcSettings migrated) {
        return new Deputies(db);
    }

    @Bean
    @ConditionalOnProperty("spring.cloud.stream.bindings.deputies-in-0.destination")
    Consumer<Message<byte[]>> deputies(Inbox inbox, Deputies deputies, Environment env) {
        String consumer = env.getRequiredProperty("spring.application.name") + "-deputies";
        return message -> inbox.handleOnce(consumer, message, event -> {
            if (event.is(WorkbenchEvents.DEPUTY_NAMED)) {
                return deputies.named(event.payload(WorkbenchEvents.DEPUTY_NAMED), event.metadata().time());
            }
            return event.is(WorkbenchEvents.DEPUTY_REVOKED) ? deputies.revoked(event.payload(WorkbenchEvents.DEPUTY_REVOKED))
                    : Mono.empty();
        });
    }

}
