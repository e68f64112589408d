package org.hrmobility.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.hrmobility.contracts.EventCatalog;
import org.hrmobility.contracts.EventType;
import org.hrmobility.contracts.mobility.MobilityEvents;
import org.hrmobility.contracts.redeployment.RedeploymentEvents;
import org.hrmobility.kit.security.CurrentUser;
import org.hrmobility.kit.security.Role;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WebhookAccessTest {

    private static final String FILLED = RedeploymentEvents.VACANCY_FILLED.ceType();
    private static final String OFFER_MADE = RedeploymentEvents.OFFER_MADE.ceType();

    private static Subscription subscription(String owner, Role role, String entity, String... types) {
        return new Subscription(UUID.randomUUID(), owner, role, entity, "http://x", List.of(types), "whsec_AAAA", null, null, null,
                Subscription.Status.ACTIVE, 0, null, Instant.now(), null, null, Instant.now().plusSeconds(60));
    }

    @Test
    @DisplayName("R-RED-6: a recruitment system follows only the filling of its own vacancies")
    void recruitmentSystemsHearOfTheirOwnVacancies() {
        Subscription jobpunt = subscription("jobpunt", Role.RECRUITMENT_SYSTEM, null, FILLED);

        assertThat(WebhookAccess.mayReceive(jobpunt, FILLED, Map.of("recruitmentSystem", "jobpunt"))).isTrue();
        assertThat(WebhookAccess.mayReceive(jobpunt, FILLED, Map.of("recruitmentSystem", "selor"))).isFalse();
        assertThat(WebhookAccess.mayReceive(jobpunt, FILLED, Map.of())).isFalse();
        assertThat(WebhookAccess.mayReceive(jobpunt, OFFER_MADE, Map.of("recruitmentSystem", "jobpunt"))).isFalse();
        assertThat(WebhookAccess.subscribable(Role.RECRUITMENT_SYSTEM)).containsExactly(FILLED);
        assertThat(WebhookAccess.subscribable(Role.EMPLOYEE)).isEmpty();
    }

    @Test
    @DisplayName("Security: a case handler's subscription hears only of decisions about the entity it was made for")
    void caseHandlersHearOfTheirOwnEntity() {
        Subscription wse = subscription("H-1", Role.HR_CASE_HANDLER, "DEPT-WSE", OFFER_MADE);

        assertThat(WebhookAccess.mayReceive(wse, OFFER_MADE, Map.of("entity", "DEPT-WSE"))).isTrue();
        assertThat(WebhookAccess.mayReceive(wse, OFFER_MADE, Map.of("entity", "DEPT-FIN"))).isFalse();
        assertThat(WebhookAccess.mayReceive(wse, OFFER_MADE, Map.of("positionEntity", "DEPT-WSE"))).isFalse();
        assertThat(WebhookAccess.mayReceive(wse, OFFER_MADE, Map.of())).isFalse();
        // a subscription recorded without an entity (made before the rule) hears of nothing
        assertThat(WebhookAccess.mayReceive(subscription("H-1", Role.HR_CASE_HANDLER, null, OFFER_MADE), OFFER_MADE,
                Map.of("entity", "DEPT-WSE"))).isFalse();
        // nor does one of an unknown role
        assertThat(WebhookAccess.mayReceive(null, "H-1", "DEPT-WSE", OFFER_MADE, Map.of("entity", "DEPT-WSE"))).isFalse();
    }

    @Test
    @DisplayName("Security: a case handler may follow exactly the decision events that name an entity; vacancies filled and calls are not theirs")
    void caseHandlersFollowEntityEvents() {
        Set<String> caseHandling = WebhookAccess.subscribable(Role.HR_CASE_HANDLER);

        assertThat(caseHandling).contains(OFFER_MADE, RedeploymentEvents.EMPLOYEE_PLACED.ceType())
                .doesNotContain(FILLED, MobilityEvents.CALL_OPENED.ceType(), MobilityEvents.CALL_CLOSED.ceType());
        for (EventType<?> type : EventCatalog.all()) {
            boolean namesEntity = type.payloadType().isRecord() && Arrays.stream(type.payloadType().getRecordComponents())
                    .anyMatch(component -> component.getName().equals("entity"));
            boolean decision = WebhookAccess.DECISION_TOPICS.contains(type.topic());
            assertThat(caseHandling.contains(type.ceType())).as(type.ceType()).isEqualTo(decision && namesEntity);
        }
    }

    @Test
    @DisplayName("Webhooks: recruitment systems and case handlers subscribe; other people do not")
    void whoSubscribes() {
        assertThat(WebhookAccess.subscriberRole(user(Role.RECRUITMENT_SYSTEM))).isEqualTo(Role.RECRUITMENT_SYSTEM);
        assertThat(WebhookAccess.subscriberRole(user(Role.HR_CASE_HANDLER, Role.EMPLOYEE))).isEqualTo(Role.HR_CASE_HANDLER);
        assertThat(WebhookAccess.subscriberRole(user(Role.LINE_MANAGER, Role.EMPLOYEE))).isNull();
        assertThat(WebhookAccess.subscriberRole(user(Role.HR_BUSINESS_PARTNER))).isNull();
    }

    private static CurrentUser user(Role... roles) {
        return new CurrentUser("u", "u", "U", Set.of(roles), "DEPT-WSE");
    }
}
