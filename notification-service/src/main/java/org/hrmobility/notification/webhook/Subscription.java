package org.hrmobility.notification.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.hrmobility.kit.security.Role;

/**
 * A machine client's (or an HR system's) wish to receive events of some types at a URL, signed with its secret.
 * {@code failedInARow} counts deliveries that ran out of attempts since the last success.
 */
record Subscription(UUID id, String owner, Role ownerRole, String url, List<String> eventTypes, String secret,
                    String contactEmail, Status status, int failedInARow, String pausedReason, Instant createdAt) {

    enum Status {
        ACTIVE,
        /** deliveries are held until the owner resumes it */
        PAUSED,
        DELETED
    }

    Subscription {
        eventTypes = List.copyOf(eventTypes);
    }
}
