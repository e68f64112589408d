package org.hrmobility.notification.webhook;

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
 * Which events a machine may follow: a recruitment system the filling of its own vacancies (R-RED-6), an HR case
 * handler's system every decision (case handlers see every case). Nobody else subscribes.
 */
final class WebhookAccess {

    static final Set<String> DECISION_TOPICS = Set.of(Topics.REDEPLOYMENT_EVENTS, Topics.MOBILITY_EVENTS, Topics.EVALUATION_EVENTS);

    private static final Set<String> RECRUITMENT = Set.of(RedeploymentEvents.VACANCY_FILLED.ceType());
    private static final Set<String> CASE_HANDLING = EventCatalog.all().stream()
            .filter(type -> DECISION_TOPICS.contains(type.topic())).map(EventType::ceType).collect(Collectors.toUnmodifiableSet());

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

    /** True when this event may go to this subscription: a recruitment system only hears of its own vacancies. */
    static boolean mayReceive(Subscription subscription, String ceType, Map<String, ?> payload) {
        if (!subscribable(subscription.ownerRole()).contains(ceType)) {
            return false;
        }
        return subscription.ownerRole() != Role.RECRUITMENT_SYSTEM
                || subscription.owner().equals(String.valueOf(payload.get("recruitmentSystem")));
    }
}
