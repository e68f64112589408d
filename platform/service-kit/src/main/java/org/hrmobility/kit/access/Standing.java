package org.hrmobility.kit.access;

import org.hrmobility.kit.employee.Employee;

/**
 * The caller's {@link Relation} to a file's subject, with the subject's master data as it is today (null when the
 * file is about nobody in particular, or master data does not know them).
 */
public record Standing(Relation relation, Employee subject) {

    /** The subject's current line manager, if any. */
    public String managerId() {
        return subject == null ? null : subject.lineManagerId();
    }
}
