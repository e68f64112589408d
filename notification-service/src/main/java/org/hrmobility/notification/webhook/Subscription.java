package org.hrmobility.notification.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.hrmobility.kit.security.Role;

/**
 * A machine client's (or an HR case handler's system's) wish to receive events of some types at a URL, signed with
 * its secret. It records who asked, in what role and, for a case handler, of which entity: a case handler's
 * subscription hears only of that entity's events. {@code failedInARow} counts deliveries that ran out of attempts
 * since the last success.
 *
 * @param secret              the signing secret as stored: encrypted ({@link WebhookSecrets})
 * @param previousSecret      after a rotation, the secret before it (encrypted), which also signs until
 *                            {@code previousSecretUntil}
 * @param approvedBy          the case handler who approved it (not its owner); null for a recruitment system's, which
 *                            need no approval, and before approval
 * @param expiresAt           when it stops unless renewed by its owner
 */
record Subscription(UUID id, String owner, Role ownerRole, String ownerEntity, String url, List<String> eventTypes,
                    String secret, String previousSecret, Instant previousSecretUntil, String contactEmail, Status status,
                    int failedInARow, String pausedReason, Instant createdAt, String approvedBy, Instant approvedAt,
                    Instant expiresAt) {

    enum Status {
        /** a case handler's subscription waits for a second case handler's approval: nothing is queued or sent */
        PENDING_APPROVAL,
        ACTIVE,
        /** deliveries are held until the owner resumes it */
        PAUSED,
        /** its lifetime ran out: nothing new is queued, what was queued is held until the owner renews it */
        EXPIRED,
        DELETED
    }

    Subscription {
        eventTypes = List.copyOf(eventTypes);
    }

    boolean expiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }

    /** True when the old secret still signs, next to the current one. */
    boolean inSecretOverlap(Instant now) {
        return previousSecret != null && previousSecretUntil != null && previousSecretUntil.isAfter(now);
    }
}
