package org.hrmobility.notification.intake;

import java.util.List;
import java.util.Map;

import org.hrmobility.contracts.EventJson;
import org.hrmobility.kit.inbox.IncomingEvent;
import org.hrmobility.kit.inbox.MalformedEventException;
import org.hrmobility.notification.routing.Arrival;
import org.hrmobility.notification.workbench.Projections;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;

/**
 * What a poll of decisions does here, in its one consuming transaction: everyone concerned is told (notifications,
 * e-mails and webhook deliveries queued), and the workbench's read models (worklist, timeline) follow.
 */
@Component
class DecisionIntake {

    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {
    };

    private final Notifier notifier;
    private final Projections projections;

    DecisionIntake(Notifier notifier, Projections projections) {
        this.notifier = notifier;
        this.projections = projections;
    }

    Mono<Void> take(List<IncomingEvent> events) {
        List<Arrival> arrivals = events.stream().map(event -> new Arrival(event, fields(event))).toList();
        return notifier.handleAll(arrivals).then(projections.apply(arrivals));
    }

    private static Map<String, Object> fields(IncomingEvent event) {
        try {
            return EventJson.mapper().readValue(event.body(), FIELDS);
        } catch (JacksonException e) {
            throw new MalformedEventException(event.metadata().type() + " " + event.metadata().id() + ": not a JSON object", e);
        }
    }
}
