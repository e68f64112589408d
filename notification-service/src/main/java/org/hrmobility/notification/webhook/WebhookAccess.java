package org.hrmobility.notification.webhook;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.hrmobility.contracts.EventCatalog;
import org.hrmobility.contracts.EventType;
import org.hrmobility.contracts.Topics;
import org.hrmobility.contracts.redeployment.RedeploymentEvents;
import org.hrmobility.kit.security.CurrentUser;
import org.hrmobility.kit.security.Role;

/**
 * Which events a machine may follow, and which of them it hears of:
 * <ul>
 *   <li>a recruitment system the filling of its own vacancies (R-RED-6): {@code VacancyFilled} whose
 *       {@code recruitmentSystem} is the subscriber;</li>
 *   <li>an HR case handler's system the decisions about their own entity: the decision events whose payload names an
 *       {@code entity}, delivered only when it is the entity of the case handler's token when they subscribed.
 *       Events that name no entity (a vacancy filled, a call opened or closed) are not a case handler's to follow.</li>
 * </ul>
 * Nobody else subscribes. Checked when an event is queued and again before each delivery.
 */
final class WebhookAccess {

    static final Set<String> DECISION_TOPICS = Set.of(Topics.REDEPLOYMENT_EVENTS, Topics.MOBILITY_EVENTS, Topics.EVALUATION_EVENTS);
    static final String ENTITY = "entity";

    private static final Set<String> RECRUITMENT = Set.of(RedeploymentEvents.VACANCY_FILLED.ceType());
    private static final Set<String> CASE_HANDLING = EventCatalog.all().stream()
            .filter(type -> DECISION_TOPICS.contains(type.topic()))
            .filter(WebhookAccess::namesEntity)
            .map(EventType::ceType).collect(Collectors.toUnmodifiableSet());

    private WebhookAccess() {
    }

    /** The role a subscription is made under, or null when this user may not subscribe. */
    static Role subscriberRole(CurrentUser user) {
        if (user.has(Role.RECRUITMENT_SYSTEM)) {
            return Role.RECRUITMENT_SYSTEM;
        }
        return user.isCaseHandler() ? Role.HR_CASE_HANDLER : null;
    }

    static Set<String> subscribable(Role role) {
        return switch (role) {
            case RECRUITMENT_SYSTEM -> RECRUITMENT;
            case HR_CASE_HANDLER -> CASE_HANDLING;
            default -> Set.of();
        };
    }

    /** True when this event may go to this subscription. */
    static boolean mayReceive(Subscription subscription, String ceType, Map<String, ?> payload) {
        return mayReceive(subscription.ownerRole(), subscription.owner(), subscription.ownerEntity(), ceType, payload);
    }

    /**
     * True when an event may go to a subscription of this owner: of a type their role may follow, and about them (a
     * recruitment system's vacancy) or their entity (a case handler's). A subscription without an entity hears of none.
     */
    static boolean mayReceive(Role ownerRole, String owner, String ownerEntity, String ceType, Map<String, ?> payload) {
        if (ownerRole == null || !subscribable(ownerRole).contains(ceType) || payload == null) {
            return false;
        }
        return switch (ownerRole) {
            case RECRUITMENT_SYSTEM -> owner != null && owner.equals(payload.get("recruitmentSystem"));
            case HR_CASE_HANDLER -> ownerEntity != null && ownerEntity.equals(payload.get(ENTITY));
            default -> false;
        };
    }

    private static boolean namesEntity(EventType<?> type) {
        Class<?> payload = type.payloadType();
        return payload.isRecord() && Arrays.stream(payload.getRecordComponents())
                .anyMatch(component -> component.getName().equals(ENTITY) && component.getType() == String.class);
    }
}
