package org.hrmobility.kit.access;

/** Who may read an aggregate besides HR case handlers, who read every one. */
public enum Readers {
    /** The subject, their current line manager and that manager's deputy (the default). */
    INVOLVED,
    /** Everyone with a token: calls for applications, talent requests. */
    EVERYONE,
    /** HR case handlers only: records of people who are not employees yet. */
    CASE_HANDLERS
}
