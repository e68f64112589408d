package org.hrmobility.mobility.international;

import org.hrmobility.kit.access.Readers;
import org.hrmobility.kit.store.AggregateType;
import org.hrmobility.kit.store.Column;

/** How calls and applications are kept: calls are everyone's to read; an application is its applicant's file. */
final class Calls {

    static final AggregateType<Call> CALL = AggregateType.builder("call", "call", Call.class)
            .id(Call::id)
            .readers(Readers.EVERYONE)
            .column(Column.name("status", Call::status))
            .column(Column.name("programme", Call::programme))
            .column(Column.date("opens_on", Call::opensOn))
            .column(Column.date("closes_on", Call::closesOn))
            .build();

    static final AggregateType<Application> APPLICATION = AggregateType
            .builder("application", "application", Application.class)
            .id(Application::id)
            .subject(Application::employeeId)
            .column(Column.uuid("call_id", Application::callId))
            .column(Column.name("status", Application::status))
            .column(Column.text("entity", Application::entity))
            .column(Column.date("starts_on", a -> a.stay().startsOn()))
            .column(Column.instant("waiting_on_host_since", Application::waitingOnHostSince))
            .column(Column.bigint("central_share_cents", a -> a.status() == Application.Status.APPROVED ? a.centralShareCents() : 0L))
            .refresh((a, e) -> a.withEmployee(e.lineManagerId(), e.entity()))
            .build();

    private Calls() {
    }
}
