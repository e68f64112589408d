package org.hrmobility.notification.inbox;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A notification as its reader sees it. */
record NotificationView(UUID id, String type, String title, String expected, LocalDate dueOn, String link,
                        String aboutEmployee, Instant createdAt, boolean read, Instant readAt) {

    static NotificationView of(Notification n) {
        return new NotificationView(n.id(), n.ceType(), n.message().title(), n.message().expected(), n.message().dueOn(),
                n.message().link(), n.aboutEmployee(), n.createdAt(), n.isRead(), n.readAt());
    }
}
