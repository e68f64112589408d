package org.hrmobility.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hrmobility.contracts.redeployment.RedeploymentEvents;
import org.hrmobility.kit.security.Role;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    @DisplayName("Webhooks: the signature is the Standard Webhooks one (the specification's own example)")
    void standardWebhooksVector() {
        String signature = WebhookSignature.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330L, "{\"test\": 2432232314}");

        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    @DisplayName("Webhooks: a receiver accepts the signed body and refuses a changed body, timestamp or secret")
    void verify() {
        String secret = WebhookSignature.newSecret();
        String header = WebhookSignature.sign(secret, "id-1", 1700000000L, "{\"a\":1}");

        assertThat(WebhookSignature.verify(secret, "id-1", 1700000000L, "{\"a\":1}", header)).isTrue();
        assertThat(WebhookSignature.verify(secret, "id-1", 1700000000L, "{\"a\":2}", header)).isFalse();
        assertThat(WebhookSignature.verify(secret, "id-1", 1700000001L, "{\"a\":1}", header)).isFalse();
        assertThat(WebhookSignature.verify(WebhookSignature.newSecret(), "id-1", 1700000000L, "{\"a\":1}", header)).isFalse();
    }

    @Test
    @DisplayName("R-RED-6: a recruitment system follows only the filling of its own vacancies")
    void recruitmentSystemsHearOfTheirOwnVacancies() {
        Subscription jobpunt = new Subscription(UUID.randomUUID(), "jobpunt", Role.RECRUITMENT_SYSTEM, "http://x",
                List.of(RedeploymentEvents.VACANCY_FILLED.ceType()), "whsec_AAAA", null, Subscription.Status.ACTIVE, 0, null, null);
        String filled = RedeploymentEvents.VACANCY_FILLED.ceType();

        assertThat(WebhookAccess.mayReceive(jobpunt, filled, Map.of("recruitmentSystem", "jobpunt"))).isTrue();
        assertThat(WebhookAccess.mayReceive(jobpunt, filled, Map.of("recruitmentSystem", "selor"))).isFalse();
        assertThat(WebhookAccess.mayReceive(jobpunt, RedeploymentEvents.OFFER_MADE.ceType(), Map.of())).isFalse();
        assertThat(WebhookAccess.subscribable(Role.HR_CASE_HANDLER)).contains(RedeploymentEvents.OFFER_MADE.ceType());
        assertThat(WebhookAccess.subscribable(Role.EMPLOYEE)).isEmpty();
    }
}
