package org.hrmobility.notification.routing;

/** Who, relative to the employee an event is about, is told of it. */
public enum Audience {
    /** The employee the event is about. */
    EMPLOYEE,
    /** The employee's current line manager, as this service's copy of master data says. */
    LINE_MANAGER,
    /** The HR case handlers of the employee's entity, as one shared inbox. */
    CASE_HANDLERS
}
