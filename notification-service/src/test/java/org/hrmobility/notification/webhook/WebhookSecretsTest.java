package org.hrmobility.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.hrmobility.notification.NotificationSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mock.env.MockEnvironment;

class WebhookSecretsTest {

    private static String key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    @Test
    @DisplayName("Security: a signing secret is stored AES-GCM encrypted under the first key, never as its plain text, and opens again")
    void sealAndOpen() {
        WebhookSecrets secrets = WebhookSecrets.of("k2026:" + key() + ",k2025:" + key());
        UUID id = UUID.randomUUID();
        String secret = WebhookSignature.newSecret();

        String sealed = secrets.seal(id, secret);

        assertThat(sealed).startsWith("v1:k2026:").doesNotContain(secret).doesNotContain(secret.substring(6));
        assertThat(secrets.isCurrent(sealed)).isTrue();
        assertThat(secrets.open(id, sealed)).isEqualTo(secret);
        // a fresh nonce each time: the same secret never reads the same twice
        assertThat(secrets.seal(id, secret)).isNotEqualTo(sealed);
    }

    @Test
    @DisplayName("Security: with two keys configured the first encrypts and both decrypt, so the encryption key can be changed without downtime")
    void keyRotation() {
        String old = "old:" + key();
        String fresh = "new:" + key();
        UUID id = UUID.randomUUID();
        String sealedUnderOld = WebhookSecrets.of(old).seal(id, "whsec_AAAA");

        WebhookSecrets both = WebhookSecrets.of(fresh + "," + old);

        assertThat(both.open(id, sealedUnderOld)).isEqualTo("whsec_AAAA");
        assertThat(both.isCurrent(sealedUnderOld)).isFalse();
        assertThat(both.seal(id, "whsec_AAAA")).startsWith("v1:new:");
        assertThatThrownBy(() -> WebhookSecrets.of(fresh).open(id, sealedUnderOld)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("key old").hasMessageNotContaining("whsec_");
    }

    @Test
    @DisplayName("Security: a sealed secret does not open for another subscription, nor once altered")
    void boundToItsSubscription() {
        WebhookSecrets secrets = WebhookSecrets.of("k:" + key());
        UUID id = UUID.randomUUID();
        String sealed = secrets.seal(id, "whsec_AAAA");

        assertThatThrownBy(() -> secrets.open(UUID.randomUUID(), sealed)).isInstanceOf(IllegalStateException.class);
        char last = sealed.charAt(sealed.length() - 2);
        String altered = sealed.substring(0, sealed.length() - 2) + (last == 'A' ? 'B' : 'A') + sealed.charAt(sealed.length() - 1);
        assertThatThrownBy(() -> secrets.open(id, altered)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> secrets.open(id, "v1:k:")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> secrets.open(id, "something else")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("Webhooks: a secret stored in plain text before encryption still opens, and is not current, so it gets encrypted at start")
    void plainTextFromBefore() {
        WebhookSecrets secrets = WebhookSecrets.of("k:" + key());
        assertThat(secrets.open(UUID.randomUUID(), "whsec_AAAA")).isEqualTo("whsec_AAAA");
        assertThat(secrets.isCurrent("whsec_AAAA")).isFalse();
    }

    @Test
    @DisplayName("Security: without keys a development-only key is used, named so in every sealed secret")
    void developmentKey() {
        WebhookSecrets secrets = WebhookSecrets.of("");
        UUID id = UUID.randomUUID();
        assertThat(secrets.currentKeyId()).isEqualTo(WebhookSecrets.DEVELOPMENT_KEY_ID);
        assertThat(secrets.seal(id, "whsec_AAAA")).startsWith("v1:development-only:");
        // derived, not random: what one instance seals, another opens
        assertThat(WebhookSecrets.of(null).open(id, secrets.seal(id, "whsec_AAAA"))).isEqualTo("whsec_AAAA");
    }

    @Test
    @DisplayName("Webhooks: keys that are not id:base64 of 32 bytes stop the service at start, without the key in the message")
    void badKeys() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        for (String setting : new String[] {"nokey", ":" + key(), "k:" + shortKey, "k:not base64!", "k:" + key() + ",k:" + key(),
                "bad id:" + key()}) {
            assertThatThrownBy(() -> WebhookSecrets.of(setting)).as(setting).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("HRM_NOTIFICATION_WEBHOOKS_ENCRYPTION_KEYS").hasMessageNotContaining(shortKey);
        }
        // url-safe base64 and blanks around entries are fine
        String urlSafe = Base64.getUrlEncoder().encodeToString(new byte[32]);
        assertThat(WebhookSecrets.of(" a:" + urlSafe + " , b:" + key()).currentKeyId()).isEqualTo("a");
    }

    @Test
    @DisplayName("API8 security misconfiguration: with the production profile the service refuses to start without encryption keys (the development key is public); with keys it starts")
    void productionNeedsKeys() {
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles("production");

        assertThatThrownBy(() -> new WebhookConfiguration().webhookSecrets(settings(""), production))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("HRM_NOTIFICATION_WEBHOOKS_ENCRYPTION_KEYS");
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        assertThat(new WebhookConfiguration().webhookSecrets(settings("k1:" + key), production)).isNotNull();
        assertThat(new WebhookConfiguration().webhookSecrets(settings(""), new MockEnvironment())).as("a development run").isNotNull();
    }

    private static NotificationSettings settings(String keys) {
        return new Binder(new MapConfigurationPropertySource(Map.of("hrm.notification.webhooks.encryption-keys", keys)))
                .bindOrCreate("hrm.notification", NotificationSettings.class);
    }
}
