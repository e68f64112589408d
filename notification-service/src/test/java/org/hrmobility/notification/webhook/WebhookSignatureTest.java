package org.hrmobility.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

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
    @DisplayName("Webhooks: during a secret rotation's overlap the header carries both signatures, and a receiver with either secret accepts it")
    void bothSecretsDuringOverlap() {
        String fresh = WebhookSignature.newSecret();
        String old = WebhookSignature.newSecret();
        String header = WebhookSignature.signAll(List.of(fresh, old), "id-1", 1700000000L, "{\"a\":1}");

        assertThat(header.split(" ")).hasSize(2).allSatisfy(signature -> assertThat(signature).startsWith("v1,"));
        assertThat(header).startsWith(WebhookSignature.sign(fresh, "id-1", 1700000000L, "{\"a\":1}") + " ");
        assertThat(WebhookSignature.verify(fresh, "id-1", 1700000000L, "{\"a\":1}", header)).isTrue();
        assertThat(WebhookSignature.verify(old, "id-1", 1700000000L, "{\"a\":1}", header)).isTrue();
        assertThat(WebhookSignature.verify(WebhookSignature.newSecret(), "id-1", 1700000000L, "{\"a\":1}", header)).isFalse();
        assertThat(WebhookSignature.signAll(List.of(fresh), "id-1", 1700000000L, "{\"a\":1}"))
                .isEqualTo(WebhookSignature.sign(fresh, "id-1", 1700000000L, "{\"a\":1}"));
    }
}
