package org.hrmobility.notification.webhook;

import java.time.Duration;

import org.hrmobility.kit.outbox.RetriedMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * At start, encrypts every signing secret that is not yet encrypted under the current key: the plain-text secrets
 * stored before encryption at rest, and those under an older key after the keys changed. Done by the service, not
 * by a migration, because only the service holds the keys; each row is replaced only if it still holds what was
 * read (compare and set), so it is idempotent and safe with several instances starting at once. Until it ran, a
 * delivery reads a plain-text secret as it is.
 */
@Component
class SecretResealing {

    private static final Logger log = LoggerFactory.getLogger(SecretResealing.class);

    private final WebhookRepository webhooks;
    private final WebhookSecrets secrets;
    private final RetriedMigration retried;

    SecretResealing(WebhookRepository webhooks, WebhookSecrets secrets, RetriedMigration retried) {
        this.webhooks = webhooks;
        this.secrets = secrets;
        this.retried = retried;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        // a database away for a moment at start (a restart) is waited for, as the migrations before it are
        Long resealed = retried.retried("the webhook signing secrets", resealAll()).block(Duration.ofMinutes(5));
        if (resealed != null && resealed > 0) {
            log.info("{} webhook signing secret(s) encrypted under key {}", resealed, secrets.currentKeyId());
        }
    }

    /** @return how many subscriptions' secrets were re-encrypted */
    Mono<Long> resealAll() {
        return webhooks.all()
                .filter(s -> !secrets.isCurrent(s.secret()) || (s.previousSecret() != null && !secrets.isCurrent(s.previousSecret())))
                .concatMap(this::reseal)
                .filter(Boolean::booleanValue)
                .count();
    }

    private Mono<Boolean> reseal(Subscription s) {
        String secret;
        String previous;
        try {
            secret = secrets.isCurrent(s.secret()) ? s.secret() : secrets.seal(s.id(), secrets.open(s.id(), s.secret()));
            previous = s.previousSecret() == null || secrets.isCurrent(s.previousSecret()) ? s.previousSecret()
                    : secrets.seal(s.id(), secrets.open(s.id(), s.previousSecret()));
        } catch (IllegalStateException e) {
            // a key that is no longer configured: its deliveries fail until it is back among the keys
            log.error("Webhook subscription {}: {}", s.id(), e.getMessage());
            return Mono.just(false);
        }
        return webhooks.reseal(s.id(), secret, previous, s.secret(), s.previousSecret());
    }
}
