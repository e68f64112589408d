package org.hrmobility.notification.webhook;

import java.nio.charset.StandardCharsets;
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
 * What a subscription's owner (and, for approvals, their colleagues) is told, in their inbox and, when the owner gave
 * a contact address, by e-mail:
 * <ul>
 *   <li>a subscription whose deliveries keep running out of attempts is paused, so it stops costing attempts;</li>
 *   <li>a subscription whose lifetime ran out has expired, until its owner renews it;</li>
 *   <li>a case handler's new subscription waits for the approval of another case handler of their entity: their
 *       entity's shared inbox is told.</li>
 * </ul>
 * Deliveries are held, not lost.
 */
@Component
class SubscriptionPauses {

    static final String PAUSED_TYPE = "hrm.notification.WebhookPaused.v1";
    static final String EXPIRED_TYPE = "hrm.notification.WebhookExpired.v1";
    static final String APPROVAL_TYPE = "hrm.notification.WebhookApprovalRequested.v1";
    private static final Logger log = LoggerFactory.getLogger(SubscriptionPauses.class);

    /** Texts used until the templates have them (keys Webhook.expired.* and Webhook.approval.*). */
    private static final Map<String, Map<String, String>> FALLBACK = Map.of(
            "nl", Map.of(
                    "Webhook.expired.title", "Uw webhook-abonnement is verlopen",
                    "Webhook.expired.expected", "Verleng het abonnement naar {url} met een nieuw token; de vastgehouden leveringen volgen dan.",
                    "Webhook.approval.title", "Een webhook-abonnement naar {url} wacht op goedkeuring",
                    "Webhook.approval.expected", "Een tweede dossierbeheerder keurt het goed of weigert het; tot dan wordt niets verzonden."),
            "en", Map.of(
                    "Webhook.expired.title", "Your webhook subscription has expired",
                    "Webhook.expired.expected", "Renew the subscription to {url} with a fresh token; the deliveries held meanwhile follow.",
                    "Webhook.approval.title", "A webhook subscription to {url} awaits approval",
                    "Webhook.approval.expected", "A second case handler approves or refuses it; nothing is sent until then."));

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
                    return notifications.insertOnce(ownerNotice(paused, PAUSED_TYPE, "Webhook.paused", UUID.randomUUID(), now)).then();
                });
    }

    /** The owner of a subscription that just expired is told, once (the notice's event id is derived from its expiry). */
    Mono<Void> expired(Subscription expired, Instant now) {
        log.info("Webhook subscription {} of {} expired at {}", expired.id(), expired.owner(), expired.expiresAt());
        UUID once = UUID.nameUUIDFromBytes(("expired:" + expired.id() + ":" + expired.expiresAt()).getBytes(StandardCharsets.UTF_8));
        return notifications.insertOnce(ownerNotice(expired, EXPIRED_TYPE, "Webhook.expired", once, now)).then();
    }

    /** The case handlers of the owner's entity are asked, in their shared inbox, to approve or refuse it. */
    Mono<Void> approvalRequested(Subscription pending, Instant now) {
        String language = Templates.DEFAULT_LANGUAGE;
        Map<String, String> values = Map.of("url", pending.url());
        Message message = new Message(text(language, "Webhook.approval.title", values), text(language, "Webhook.approval.expected", values),
                null, settings.linkBase() + "/api/notifications/webhooks/approvals");
        return notifications.insertOnce(new Notification(UUID.randomUUID(), pending.id(), Recipient.teamKey(pending.ownerEntity()),
                APPROVAL_TYPE, null, pending.ownerEntity(), language, message, now, null, Notification.EmailState.NONE, null)).then();
    }

    private Notification ownerNotice(Subscription subscription, String type, String key, UUID eventId, Instant now) {
        String language = Templates.DEFAULT_LANGUAGE;
        Map<String, String> values = Map.of("url", subscription.url());
        Message message = new Message(text(language, key + ".title", values), text(language, key + ".expected", values), null,
                settings.linkBase() + "/api/notifications/webhooks/" + subscription.id());
        boolean mail = subscription.contactEmail() != null;
        return new Notification(UUID.randomUUID(), eventId, Recipient.clientKey(subscription.owner()), type, null, null,
                language, message, now, null, mail ? Notification.EmailState.PENDING : Notification.EmailState.NONE,
                subscription.contactEmail());
    }

    private String text(String language, String key, Map<String, String> values) {
        String text = templates.text(language, key, values);
        if (text != null) {
            return text;
        }
        String fallback = FALLBACK.getOrDefault(language, FALLBACK.get("en")).get(key);
        if (fallback == null) {
            return templates.required(language, key, values);
        }
        for (Map.Entry<String, String> value : values.entrySet()) {
            fallback = fallback.replace("{" + value.getKey() + "}", value.getValue());
        }
        return fallback;
    }
}
