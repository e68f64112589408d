package org.hrmobility.notification.intake;

import java.util.List;
import java.util.function.Consumer;

import org.hrmobility.kit.inbox.Inbox;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The decisions of the three domain services, each topic on its own binding (so each has its own dead-letter
 * topic), all through the inbox: a redelivered event notifies nobody twice. Each binding takes a poll at a time
 * (batch mode): under load, one transaction notifies for many events at the cost of a few statements.
 */
@Configuration(proxyBeanMethods = false)
class EventConsumers {

    @Bean
    Consumer<Message<List<byte[]>>> redeploymentEvents(Inbox inbox, Notifier notifier) {
        return consumer("notification-redeployment", inbox, notifier);
    }

    @Bean
    Consumer<Message<List<byte[]>>> mobilityEvents(Inbox inbox, Notifier notifier) {
        return consumer("notification-mobility", inbox, notifier);
    }

    @Bean
    Consumer<Message<List<byte[]>>> evaluationEvents(Inbox inbox, Notifier notifier) {
        return consumer("notification-evaluation", inbox, notifier);
    }

    private static Consumer<Message<List<byte[]>>> consumer(String name, Inbox inbox, Notifier notifier) {
        return batch -> inbox.handleAllOnce(name, batch, notifier::handleAll);
    }
}
