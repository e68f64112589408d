package org.hrmobility.notification.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.hrmobility.contracts.EventJson;
import org.hrmobility.kit.employee.Employee;
import org.hrmobility.kit.employee.EmployeeDirectory;
import org.hrmobility.kit.inbox.IncomingEvent;
import org.hrmobility.kit.inbox.MalformedEventException;
import org.hrmobility.notification.NotificationSettings;
import org.hrmobility.notification.inbox.Notification;
import org.hrmobility.notification.inbox.NotificationRepository;
import org.hrmobility.notification.message.Message;
import org.hrmobility.notification.message.Templates;
import org.hrmobility.notification.preference.PreferenceRepository;
import org.hrmobility.notification.preference.Preferences;
import org.hrmobility.notification.routing.Recipient;
import org.hrmobility.notification.routing.Recipients;
import org.hrmobility.notification.routing.Route;
import org.hrmobility.notification.routing.Routes;
import org.hrmobility.notification.webhook.WebhookFanOut;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;

/**
 * Turns one decision into what people and machines are told, in the consuming transaction: a notification per
 * recipient (written once per event and recipient, with its e-mail queued) and a delivery per webhook
 * subscription. E-mail and webhooks go out afterwards, from their queues, so a slow mail server or endpoint
 * never holds up the consumer.
 */
@Component
class Notifier {

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);
    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {
    };

    private final EmployeeDirectory directory;
    private final PreferenceRepository preferences;
    private final NotificationRepository notifications;
    private final WebhookFanOut webhooks;
    private final Templates templates;
    private final Clock clock;
    private final String linkBase;

    Notifier(EmployeeDirectory directory, PreferenceRepository preferences, NotificationRepository notifications,
             WebhookFanOut webhooks, Templates templates, Clock clock, NotificationSettings settings) {
        this.directory = directory;
        this.preferences = preferences;
        this.notifications = notifications;
        this.webhooks = webhooks;
        this.templates = templates;
        this.clock = clock;
        this.linkBase = settings.linkBase();
    }

    Mono<Void> handle(IncomingEvent event) {
        Map<String, Object> payload = fields(event);
        Instant now = clock.instant();
        Mono<Long> people = Routes.forCeType(event.metadata().type())
                .map(route -> notifyPeople(route, event, payload, now))
                .orElse(Mono.just(0L));
        // one statement at a time: they share the consuming transaction's connection
        return people.flatMap(notified -> webhooks.enqueue(event, payload, now)
                        .doOnNext(queued -> log.debug("{} {}: {} notification(s), {} webhook delivery(ies)", event.metadata().type(),
                                event.metadata().id(), notified, queued)))
                .then();
    }

    private Mono<Long> notifyPeople(Route route, IncomingEvent event, Map<String, Object> payload, Instant now) {
        Recipients.About about = Recipients.About.of(payload);
        return current(about.employeeId()).flatMap(current -> {
            List<Recipient> recipients = Recipients.of(route, about, current);
            Map<String, Object> fields = new HashMap<>(payload);
            fields.put("employeeName", current.map(Employee::name).orElse(about.employeeId()));
            List<String> people = recipients.stream().filter(Recipient::isPerson).map(Recipient::employeeId).toList();
            Mono<Map<String, PreferenceRepository.Reader>> readers = people.isEmpty() ? Mono.just(Map.of()) : preferences.readers(people);
            return readers.flatMapMany(byId -> Flux.fromIterable(recipients)
                            .map(recipient -> notification(route, event, about, recipient, fields,
                                    recipient.isPerson() ? byId.get(recipient.employeeId()) : null, now)))
                    .concatMap(notifications::insertOnce)
                    .filter(Boolean::booleanValue)
                    .count();
        });
    }

    /** A shared inbox (no reader) is written in Dutch and gets no e-mail; a person as they chose. */
    private Notification notification(Route route, IncomingEvent event, Recipients.About about, Recipient recipient,
                                      Map<String, Object> fields, PreferenceRepository.Reader reader, Instant now) {
        if (reader == null) {
            return build(route, event, about, recipient, fields, Templates.DEFAULT_LANGUAGE, Notification.EmailState.NONE, now);
        }
        return build(route, event, about, recipient, fields, reader.language(), emailState(reader.preferences()), now);
    }

    private Notification build(Route route, IncomingEvent event, Recipients.About about, Recipient recipient,
                               Map<String, Object> fields, String language, Notification.EmailState email, Instant now) {
        Message message = templates.render(route, recipient.audience(), language, fields, linkBase);
        return new Notification(UUID.randomUUID(), event.metadata().id(), recipient.key(), event.metadata().type(),
                about.employeeId(), recipient.entity() != null ? recipient.entity() : about.entity(), language, message, now,
                null, email, null);
    }

    private static Notification.EmailState emailState(Preferences preferences) {
        return switch (preferences.email()) {
            case IMMEDIATE -> Notification.EmailState.PENDING;
            case DAILY_DIGEST -> Notification.EmailState.DIGEST;
            case OFF -> Notification.EmailState.NONE;
        };
    }

    private Mono<Optional<Employee>> current(String employeeId) {
        return employeeId == null ? Mono.just(Optional.empty())
                : directory.find(employeeId).map(Optional::of).defaultIfEmpty(Optional.empty());
    }

    private static Map<String, Object> fields(IncomingEvent event) {
        try {
            return EventJson.mapper().readValue(event.body(), FIELDS);
        } catch (JacksonException e) {
            throw new MalformedEventException(event.metadata().type() + " " + event.metadata().id() + ": not a JSON object", e);
        }
    }
}
