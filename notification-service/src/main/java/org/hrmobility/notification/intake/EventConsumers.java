package org.hrmobility.notification.intake;

import java.util.function.Consumer;

import org.hrmobility.kit.inbox.Inbox;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The decisions of the three domain services, each topic on its own binding (so each has its own dead-letter
 * topic), all through the inbox: a redelivered event notifies nobody twice.
 */
@Configuration(proxyBeanMethods = false)
class EventConsumers {

    @Bean
    Consumer<Message<byte[]>> redeploymentEvents(Inbox inbox, Notifier notifier) {
        return consumer("notification-redeployment", inbox, notifier);
    }

    @Bean
    Consumer<Message<byte[]>> mobilityEvents(Inbox inbox, Notifier notifier) {
        return consumer("notification-mobility", inbox, notifier);
    }

    @Bean
    Consumer<Message<byte[]>> evaluationEvents(Inbox inbox, Notifier notifier) {
        return consumer("notification-evaluation", inbox, notifier);
    }

    private static Consumer<Message<byte[]>> consumer(String name, Inbox inbox, Notifier notifier) {
        return message -> inbox.handleOnce(name, message, notifier::handle);
    }
}
