package org.hrmobility.redeployment.casefile;

import org.hrmobility.kit.domain.Assignment;
import org.hrmobility.kit.domain.ConflictException;
import org.hrmobility.kit.employee.Employee;
import org.hrmobility.kit.store.AggregateType;
import org.hrmobility.kit.store.Column;

/** How redeployment cases are kept: table {@code redeployment_case}, the employee's file, queried by these columns. */
final class Cases {

    static final String ONE_ACTIVE_PER_EMPLOYEE = "case_one_active_per_employee";

    static final AggregateType<RedeploymentCase> TYPE = AggregateType
            .builder("redeployment-case", "redeployment_case", RedeploymentCase.class)
            .id(RedeploymentCase::id)
            .subject(c -> c.employee().employeeId())
            .column(Column.text("entity", c -> c.employee().entity()))
            .column(Column.name("status", RedeploymentCase::status))
            .column(Column.instant("opened_at", RedeploymentCase::openedAt))
            .column(Column.instant("registered_at", c -> c.admissibility() != null && c.admissibility().redeployable()
                    ? c.admissibility().decidedAt() : null))
            .column(Column.instant("placed_at", c -> c.placement() == null ? null : c.placement().at()))
            .column(Column.bool("placed_ex_officio", c -> c.placement() == null ? null : c.placement().exOfficio()))
            .column(Column.integer("refusals", RedeploymentCase::refusals))
            .column(Column.date("next_deadline", c -> c.openOffer().map(o -> o.respondBy()).orElse(null)))
            .column(Column.text("open_vacancy_id", RedeploymentCase::openVacancyId))
            .column(Column.text("assigned_to", c -> Assignment.handlerOf(c.assignment())))
            .unique(ONE_ACTIVE_PER_EMPLOYEE, Cases::alreadyActive)
            .refresh((c, e) -> c.withEmployee(snapshot(e)))
            .build();

    private Cases() {
    }

    static EmployeeSnapshot snapshot(Employee e) {
        return new EmployeeSnapshot(e.employeeId(), e.name(), e.entity(), e.grade(), e.lineManagerId(), e.jobFamily());
    }

    static ConflictException alreadyActive() {
        return new ConflictException("case-already-active", "Already has an active case",
                "This employee already has an active redeployment case; one case at a time. Close it first, or reopen none.");
    }
}
