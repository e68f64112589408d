package org.hrmobility.mobility.secondment;

import org.hrmobility.kit.store.AggregateType;
import org.hrmobility.kit.store.Column;

/** How secondments are kept: the secondee's file, queried by host, period and the calendar's next move. */
final class Secondments {

    static final AggregateType<Secondment> TYPE = AggregateType.builder("secondment", "secondment", Secondment.class)
            .id(Secondment::id)
            .subject(Secondment::employeeId)
            .column(Column.name("status", Secondment::status))
            .column(Column.text("entity", Secondment::entity))
            .column(Column.text("host", Secondment::host))
            .column(Column.date("starts_on", Secondment::startsOn))
            .column(Column.date("ends_on", Secondment::endsOn))
            .column(Column.date("calendar_due", Secondment::calendarDue))
            .column(Column.bigint("central_share_cents", s -> Secondment.CONFIRMED.contains(s.status()) ? s.centralShareCents() : 0L))
            .refresh((s, e) -> s.withEmployee(e.lineManagerId(), e.entity()))
            .build();

    private Secondments() {
    }
}
