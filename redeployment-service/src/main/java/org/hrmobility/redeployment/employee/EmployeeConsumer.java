package org.hrmobility.redeployment.employee;

import java.util.function.Consumer;

import org.hrmobility.contracts.employee.EmployeeEvents;
import org.hrmobility.kit.inbox.Inbox;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import reactor.core.publisher.Mono;

/** Keeps the local copy of master data from {@code hrm.employees}; other event types on the topic are ignored. */
@Configuration(proxyBeanMethods = false)
class EmployeeConsumer {

    static final String CONSUMER = "redeployment-employees";

    @Bean
    Consumer<Message<byte[]>> employees(Inbox inbox, EmployeeRepository employees) {
        return message -> inbox.handleOnce(CONSUMER, message, event -> event.is(EmployeeEvents.EMPLOYEE_UPSERTED)
                ? employees.upsert(event.payload(EmployeeEvents.EMPLOYEE_UPSERTED))
                : Mono.empty());
    }
}
