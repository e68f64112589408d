package org.hrmobility.notification.intake;

import java.util.List;
import java.util.function.Consumer;

import org.hrmobility.kit.inbox.Inbox;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The decisions of the three domain services, each topic on its own binding (so each has its own dead-letter
 * topic), all through the inbox: a redelivered event notifies nobody twice and moves no read model twice. Each binding takes a poll at a time
 * (batch mode): under load, one transaction notifies for many events at the cost of a few statements.
 */
@Configuration(proxyBeanMethods = false)
class EventConsumers {

    @Bean
    Consumer<Message<List<byte[]>>> redeploymentEvents(Inbox inbox, DecisionIntake intake) {
        return consumer("notification-redeployment", inbox, intake);
    }

    @Bean
    Consumer<Message<List<byte[]>>> mobilityEvents(Inbox inbox, DecisionIntake intake) {
        return consumer("notification-mobility", inbox, intake);
    }

    @Bean
    Consumer<Message<List<byte[]>>> evaluationEvents(Inbox inbox, DecisionIntake intake) {
        return consumer("notification-evaluation", inbox, intake);
    }

    private static Consumer<Message<List<byte[]>>> consumer(String name, Inbox inbox, DecisionIntake intake) {
        return batch -> inbox.handleAllOnce(name, batch, intake::take);
    }
}
