package org.hrmobility.kit.employee;

import java.util.List;
import java.util.function.Consumer;

import org.hrmobility.contracts.employee.EmployeeEvents;
import org.hrmobility.kit.inbox.Inbox;
import org.hrmobility.kit.inbox.InboxAutoConfiguration;
import org.hrmobility.kit.outbox.JdbcSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.messaging.Message;
import org.springframework.r2dbc.core.DatabaseClient;

import reactor.core.publisher.Mono;

/**
 * Every service with a database gets the employee directory; a service that binds {@code employees-in-0} to
 * {@code hrm.employees} also gets the consumer that keeps it, through the inbox.
 */
@AutoConfiguration(after = InboxAutoConfiguration.class)
@ConditionalOnBean(JdbcSettings.class)
public class EmployeeAutoConfiguration {

    @Bean
    EmployeeDirectory employeeDirectory(DatabaseClient db, JdbcSettings migrated, ObjectProvider<EmployeeListener> listeners) {
        return new EmployeeDirectory(db, listeners.orderedStream().toList());
    }

    @Bean
    @ConditionalOnProperty("spring.cloud.stream.bindings.employees-in-0.destination")
    Consumer<Message<List<byte[]>>> employees(Inbox inbox, EmployeeDirectory directory, Environment env) {
        String consumer = env.getRequiredProperty("spring.application.name") + "-employees";
        // a poll at a time (the kit makes employees-in-0 a batch binding): a whole organisation in seconds
        return batch -> inbox.handleAllOnce(consumer, batch, events -> directory.upsertAll(events.stream()
                .filter(event -> event.is(EmployeeEvents.EMPLOYEE_UPSERTED))
                .map(event -> new EmployeeDirectory.Change(event.payload(EmployeeEvents.EMPLOYEE_UPSERTED), event.metadata().time()))
                .toList()));
    }
}
