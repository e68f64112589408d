package org.hrmobility.evaluation.probation;

import org.hrmobility.kit.domain.ConflictException;
import org.hrmobility.kit.store.AggregateType;
import org.hrmobility.kit.store.Column;

/** How probations are kept: one active at a time per manager (a unique index), queried by these columns. */
final class Probations {

    static final AggregateType<Probation> TYPE = AggregateType.builder("probation", "probation", Probation.class)
            .id(Probation::id)
            .subject(Probation::employeeId)
            .column(Column.text("entity", Probation::entity))
            .column(Column.bool("active", Probation::isActive))
            .column(Column.date("ends_on", Probation::endsOn))
            .column(Column.date("reminder_due", Probation::reminderDue))
            .unique("probation_one_active", () -> new ConflictException("probation-running",
                    "Probation running", "This manager's probation is still running."))
            .refresh((p, e) -> p.withEmployee(e.lineManagerId(), e.entity()))
            .build();

    private Probations() {
    }
}
