package org.hrmobility.notification.inbox;

import java.time.Instant;
import java.util.UUID;

import org.hrmobility.notification.message.Message;

/**
 * One notification of one event to one recipient (a {@code Recipient} key). {@code emailState} says what its
 * e-mail does: {@link EmailState}; {@code emailTo} is its address when it is not the recipient's own in master data
 * (a machine client's contact).
 */
public record Notification(UUID id, UUID eventId, String recipient, String ceType, String aboutEmployee, String entity,
                           String language, Message message, Instant createdAt, Instant readAt, EmailState emailState,
                           String emailTo) {

    public enum EmailState {
        /** no e-mail for this recipient (a shared inbox, a machine client, or e-mail switched off) */
        NONE,
        PENDING,
        /** waits for the recipient's daily digest */
        DIGEST,
        SENT,
        /** nobody to send it to: no address in master data */
        SKIPPED,
        /** given up after the configured attempts; the error is kept */
        FAILED
    }

    public boolean isRead() {
        return readAt != null;
    }
}
