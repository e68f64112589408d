package org.hrmobility.notification.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.hrmobility.notification.NotificationSettings;
import org.hrmobility.notification.inbox.Notification;
import org.hrmobility.notification.inbox.NotificationRepository;
import org.hrmobility.notification.message.Message;
import org.hrmobility.notification.message.Templates;
import org.hrmobility.notification.routing.Recipient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * A subscription whose deliveries keep running out of attempts is paused, so it stops costing attempts, and its
 * owner is told: in their inbox and, when they gave a contact address, by e-mail. Deliveries are held, not lost.
 */
@Component
class SubscriptionPauses {

    static final String PAUSED_TYPE = "hrm.notification.WebhookPaused.v1";
    private static final Logger log = LoggerFactory.getLogger(SubscriptionPauses.class);

    private final WebhookRepository webhooks;
    private final NotificationRepository notifications;
    private final Templates templates;
    private final Clock clock;
    private final NotificationSettings settings;

    SubscriptionPauses(WebhookRepository webhooks, NotificationRepository notifications, Templates templates, Clock clock,
                       NotificationSettings settings) {
        this.webhooks = webhooks;
        this.notifications = notifications;
        this.templates = templates;
        this.clock = clock;
        this.settings = settings;
    }

    Mono<Void> pauseIfFailing(UUID subscriptionId, int failedInARow, String lastError) {
        if (failedInARow < settings.webhooks().pauseAfter()) {
            return Mono.empty();
        }
        Instant now = clock.instant();
        String reason = failedInARow + " deliveries in a row failed; last: " + lastError;
        return webhooks.pauseIfActive(subscriptionId, reason, now)
                .flatMap(paused -> {
                    log.warn("Webhook subscription {} paused: {}", paused.id(), reason);
                    return notifications.insertOnce(ownerNotice(paused, now)).then();
                });
    }

    private Notification ownerNotice(Subscription paused, Instant now) {
        String language = Templates.DEFAULT_LANGUAGE;
        Map<String, String> values = Map.of("url", paused.url());
        Message message = new Message(templates.required(language, "Webhook.paused.title", values),
                templates.required(language, "Webhook.paused.expected", values), null,
                settings.linkBase() + "/api/notifications/webhooks/" + paused.id());
        boolean mail = paused.contactEmail() != null;
        return new Notification(UUID.randomUUID(), UUID.randomUUID(), Recipient.clientKey(paused.owner()), PAUSED_TYPE, null, null,
                language, message, now, null, mail ? Notification.EmailState.PENDING : Notification.EmailState.NONE,
                paused.contactEmail());
    }
}
