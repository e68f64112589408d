package org.hrmobility.redeployment.casefile;

import org.hrmobility.kit.employee.Employee;
import org.hrmobility.kit.employee.EmployeeListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/** When an employee gets another line manager, that manager takes over their open case (access follows). */
@Component
class CaseLineManagerUpdater implements EmployeeListener {

    private final DatabaseClient db;

    CaseLineManagerUpdater(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Void> changed(Employee employee) {
        return db.sql("""
                        update redeployment_case set line_manager_id = :lineManagerId
                        where employee_id = :id and status in ('OPENED', 'IN_POOL', 'INTERNAL_TRAJECTORY')""")
                .bind("id", employee.employeeId())
                .bind("lineManagerId", employee.lineManagerId() == null ? "" : employee.lineManagerId())
                .then();
    }
}
