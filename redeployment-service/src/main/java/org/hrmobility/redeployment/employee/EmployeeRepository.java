package org.hrmobility.redeployment.employee;

import java.util.Arrays;
import java.util.List;

import org.hrmobility.contracts.employee.EmployeeUpserted;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

@Repository
public class EmployeeRepository {

    private final DatabaseClient db;

    EmployeeRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Employee> find(String employeeId) {
        return db.sql("select * from employee where employee_id = :id").bind("id", employeeId).map(EmployeeRepository::read).one();
    }

    /** Stores the latest master data, and moves the employee's open cases to their current line manager. */
    Mono<Void> upsert(EmployeeUpserted e) {
        return db.sql("""
                        insert into employee (employee_id, name, email, entity, grade, contract_type, line_manager_id, job_family,
                                              competences, language, updated_at)
                        values (:id, :name, :email, :entity, :grade, :contractType, :lineManagerId, :jobFamily, :competences,
                                :language, now())
                        on conflict (employee_id) do update set name = excluded.name, email = excluded.email,
                            entity = excluded.entity, grade = excluded.grade, contract_type = excluded.contract_type,
                            line_manager_id = excluded.line_manager_id, job_family = excluded.job_family,
                            competences = excluded.competences, language = excluded.language, updated_at = now()""")
                .bind("id", e.employeeId())
                .bind("name", nullable(e.name()))
                .bind("email", nullable(e.email()))
                .bind("entity", e.entity())
                .bind("grade", e.grade())
                .bind("contractType", e.contractType() == null ? "" : e.contractType().name())
                .bind("lineManagerId", nullable(e.lineManagerId()))
                .bind("jobFamily", nullable(e.jobFamily()))
                .bind("competences", e.competences().toArray(String[]::new))
                .bind("language", e.languageOrDefault())
                .then()
                .then(db.sql("""
                                update redeployment_case set line_manager_id = :lineManagerId
                                where employee_id = :id and status in ('OPENED', 'IN_POOL', 'INTERNAL_TRAJECTORY')""")
                        .bind("id", e.employeeId()).bind("lineManagerId", nullable(e.lineManagerId())).then());
    }

    /** Empty strings stand for absent text: the copy keeps what master data said, never a null bind. */
    private static String nullable(String value) {
        return value == null ? "" : value;
    }

    /** Reads an employee row, also from a join that selects {@code e.*}. */
    public static Employee read(Readable row) {
        String[] competences = row.get("competences", String[].class);
        return new Employee(row.get("employee_id", String.class), blankToNull(row.get("name", String.class)),
                row.get("entity", String.class), row.get("grade", String.class),
                blankToNull(row.get("line_manager_id", String.class)), blankToNull(row.get("job_family", String.class)),
                competences == null ? List.of() : Arrays.asList(competences));
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
