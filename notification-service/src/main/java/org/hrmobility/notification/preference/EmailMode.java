package org.hrmobility.notification.preference;

/** How a person gets their notifications by e-mail. The inbox and its live stream always have them. */
public enum EmailMode {
    /** one e-mail per notification, as it happens (the default) */
    IMMEDIATE,
    /** one e-mail a day with everything since the last one */
    DAILY_DIGEST,
    OFF
}
