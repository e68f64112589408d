package org.hrmobility.notification.message;

import java.time.LocalDate;

/** A rendered notification: what happened, what is expected of the recipient, by when, and where to look. */
public record Message(String title, String expected, LocalDate dueOn, String link) {
}
