package org.hrmobility.mobility.allowance;

import org.hrmobility.kit.store.AggregateType;
import org.hrmobility.kit.store.Column;

/** How allowances are kept: the employee's file, queried by end and reminder dates. */
final class Allowances {

    static final AggregateType<Allowance> TYPE = AggregateType.builder("allowance", "allowance", Allowance.class)
            .id(Allowance::id)
            .subject(Allowance::employeeId)
            .column(Column.name("status", Allowance::status))
            .column(Column.text("entity", Allowance::entity))
            .column(Column.date("ends_on", Allowance::endsOn))
            .column(Column.date("reminder_due", Allowance::reminderDue))
            .refresh((a, e) -> a.withEmployee(e.lineManagerId(), e.entity(), e.grade()))
            .build();

    private Allowances() {
    }
}
