package org.hrmobility.notification.workbench;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * One thing awaiting someone's action, as the worklist projection keeps it: of which kind, about what (the key) and
 * whom, opened by which event (its type and payload, for the texts), due when.
 */
record WorkItem(WorkKind kind, String key, String subjectId, String employeeName, String entity, String ceType,
                Map<String, Object> fields, LocalDate dueOn, Instant openedAt) {

    boolean isOverdue(LocalDate today) {
        return dueOn != null && dueOn.isBefore(today);
    }
}
