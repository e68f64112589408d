package org.hrmobility.notification.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.hrmobility.contracts.EventJson;
import org.hrmobility.contracts.envelope.EventMetadata;
import org.hrmobility.kit.inbox.IncomingEvent;
import org.hrmobility.notification.routing.Arrival;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * Queues an event for every subscription in force that follows its type and may receive it ({@link WebhookAccess}:
 * a recruitment system's own vacancies, a case handler's own entity), in the consuming transaction: once queued, a
 * delivery survives restarts and is retried until delivered or given up. A subscription that waits for approval or
 * has expired gets nothing queued.
 */
@Component
public class WebhookFanOut {

    private final WebhookRepository webhooks;

    WebhookFanOut(WebhookRepository webhooks) {
        this.webhooks = webhooks;
    }

    /** @return how many deliveries were queued */
    public Mono<Long> enqueueAll(List<Arrival> decisions, Instant now) {
        Set<String> types = decisions.stream().map(Arrival::type).collect(Collectors.toSet());
        // the subscriptions are read whole before inserting: the transaction's one connection runs a statement at a time
        return webhooks.listeningToAny(types, now).collectList()
                .map(subscriptions -> decisions.stream()
                        .flatMap(decision -> subscriptions.stream()
                                .filter(subscription -> subscription.eventTypes().contains(decision.type()))
                                .filter(subscription -> WebhookAccess.mayReceive(subscription, decision.type(), decision.payload()))
                                .map(subscription -> new WebhookRepository.Queued(subscription.id(), decision.event().metadata().id(),
                                        decision.type(), cloudEvent(decision.event()))))
                        .toList())
                .flatMap(deliveries -> webhooks.enqueueAll(deliveries, now));
    }

    /** The event in CloudEvents' structured JSON form: attributes and payload in one body, as receivers expect. */
    static String cloudEvent(IncomingEvent event) {
        EventMetadata m = event.metadata();
        ObjectNode body = EventJson.mapper().createObjectNode()
                .put("specversion", "1.0")
                .put("id", m.id().toString())
                .put("source", m.source())
                .put("type", m.type())
                .put("time", m.time().toString())
                .put("datacontenttype", "application/json");
        if (m.subject() != null) {
            body.put("subject", m.subject());
        }
        body.set("data", EventJson.mapper().readTree(event.body()));
        return body.toString();
    }
}
