package org.hrmobility.notification.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.hrmobility.kit.access.Deputies;
import org.hrmobility.kit.domain.CalendarDays;
import org.hrmobility.kit.employee.Employee;
import org.hrmobility.kit.employee.EmployeeDirectory;
import org.hrmobility.kit.inbox.IncomingEvent;
import org.hrmobility.notification.NotificationSettings;
import org.hrmobility.notification.inbox.Notification;
import org.hrmobility.notification.inbox.NotificationRepository;
import org.hrmobility.notification.message.Message;
import org.hrmobility.notification.message.Templates;
import org.hrmobility.notification.preference.PreferenceRepository;
import org.hrmobility.notification.preference.Preferences;
import org.hrmobility.notification.routing.Arrival;
import org.hrmobility.notification.routing.Recipient;
import org.hrmobility.notification.routing.Recipients;
import org.hrmobility.notification.routing.Route;
import org.hrmobility.notification.routing.Routes;
import org.hrmobility.notification.webhook.WebhookFanOut;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Turns decisions into what people and machines are told, in the consuming transaction: a notification per
 * recipient (written once per event and recipient, with its e-mail queued) and a delivery per webhook
 * subscription. E-mail and webhooks go out afterwards, from their queues, so a slow mail server or endpoint
 * never holds up the consumer.
 */
@Component
class Notifier {

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);

    private final EmployeeDirectory directory;
    private final PreferenceRepository preferences;
    private final NotificationRepository notifications;
    private final WebhookFanOut webhooks;
    private final Templates templates;
    private final Clock clock;
    private final String linkBase;
    private final Deputies deputies;

    Notifier(EmployeeDirectory directory, PreferenceRepository preferences, NotificationRepository notifications,
             WebhookFanOut webhooks, Templates templates, Clock clock, NotificationSettings settings, Deputies deputies) {
        this.deputies = deputies;
        this.directory = directory;
        this.preferences = preferences;
        this.notifications = notifications;
        this.webhooks = webhooks;
        this.templates = templates;
        this.clock = clock;
        this.linkBase = settings.linkBase();
    }

    /**
     * Notifies everyone these decisions concern, with one statement per step for the whole batch: who the employees
     * are now, how their readers want to be told, the notifications, the webhook deliveries.
     */
    Mono<Void> handleAll(List<Arrival> decisions) {
        Instant now = clock.instant();
        return notifyPeople(decisions, now)
                .flatMap(notified -> webhooks.enqueueAll(decisions, now)
                        .doOnNext(queued -> log.debug("{} event(s): {} notification(s), {} webhook delivery(ies)", decisions.size(),
                                notified, queued)))
                .then();
    }

    private Mono<Long> notifyPeople(List<Arrival> decisions, Instant now) {
        List<Routed> routed = decisions.stream()
                .flatMap(decision -> Routes.forCeType(decision.type())
                        .map(route -> new Routed(decision, route, Recipients.About.of(decision.payload()))).stream())
                .toList();
        Set<String> employeeIds = routed.stream().map(r -> r.about().employeeId()).filter(Objects::nonNull).collect(Collectors.toSet());
        return directory.findAll(employeeIds).collectMap(Employee::employeeId)
                .flatMap(employees -> deputies.activeFor(managers(employees.values()), CalendarDays.today(clock))
                        .map(byManager -> routed.stream().map(r -> r.address(employees.get(r.about().employeeId()), byManager)).toList()))
                .flatMap(addressed -> {
                    List<String> people = addressed.stream().flatMap(a -> a.recipients().stream())
                            .filter(Recipient::isPerson).map(Recipient::employeeId).distinct().toList();
                    Mono<Map<String, PreferenceRepository.Reader>> readers = people.isEmpty() ? Mono.just(Map.of())
                            : preferences.readers(people);
                    return readers.map(byId -> addressed.stream()
                            .flatMap(a -> a.recipients().stream().map(recipient -> notification(a, recipient,
                                    recipient.isPerson() ? byId.get(recipient.employeeId()) : null, now)))
                            .toList());
                })
                .flatMap(notifications::insertAllOnce);
    }

    /** A decision that tells people, with the route that says whom. */
    private record Routed(Arrival decision, Route route, Recipients.About about) {

        Addressed address(Employee current, Map<String, List<String>> deputiesByManager) {
            Map<String, Object> fields = new HashMap<>(decision.payload());
            fields.put("employeeName", current != null ? current.name() : about.employeeId());
            List<String> deputies = current == null || current.lineManagerId() == null ? List.of()
                    : deputiesByManager.getOrDefault(current.lineManagerId(), List.of());
            return new Addressed(this, Recipients.of(route, about, Optional.ofNullable(current), deputies), fields);
        }
    }

    private static List<String> managers(Collection<Employee> employees) {
        return employees.stream().map(Employee::lineManagerId).filter(Objects::nonNull).distinct().toList();
    }

    /** A routed decision with the people it goes to (by today's master data) and the fields of its text. */
    private record Addressed(Routed routed, List<Recipient> recipients, Map<String, Object> fields) {
    }

    private Notification notification(Addressed a, Recipient recipient, PreferenceRepository.Reader reader, Instant now) {
        if (reader == null) {
            return build(a, recipient, Templates.DEFAULT_LANGUAGE, Notification.EmailState.NONE, now);
        }
        return build(a, recipient, reader.language(), emailState(reader.preferences()), now);
    }

    /** A shared inbox (no reader) is written in Dutch and gets no e-mail; a person as they chose. */
    private Notification build(Addressed a, Recipient recipient, String language, Notification.EmailState email, Instant now) {
        Routed r = a.routed();
        IncomingEvent event = r.decision().event();
        Message message = templates.render(r.route(), recipient.audience(), language, a.fields(), linkBase);
        return new Notification(UUID.randomUUID(), event.metadata().id(), recipient.key(), event.metadata().type(),
                r.about().employeeId(), recipient.entity() != null ? recipient.entity() : r.about().entity(), language, message,
                now, null, email, null);
    }

    private static Notification.EmailState emailState(Preferences preferences) {
        return switch (preferences.email()) {
            case IMMEDIATE -> Notification.EmailState.PENDING;
            case DAILY_DIGEST -> Notification.EmailState.DIGEST;
            case OFF -> Notification.EmailState.NONE;
        };
    }
}
