package org.hrmobility.kit.employee;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.hrmobility.contracts.employee.ContractType;
import org.hrmobility.contracts.employee.EmployeeUpserted;
import org.hrmobility.kit.problem.NotFoundException;
import org.hrmobility.kit.security.AccessPolicy;
import org.hrmobility.kit.security.CurrentUser;
import org.springframework.r2dbc.core.DatabaseClient;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The service's copy of master data, in {@code hrm_kit.employee}, kept by the {@code employees} consumer. */
public class EmployeeDirectory {

    private final DatabaseClient db;
    private final List<EmployeeListener> listeners;

    public EmployeeDirectory(DatabaseClient db, List<EmployeeListener> listeners) {
        this.db = db;
        this.listeners = List.copyOf(listeners);
    }

    public Mono<Employee> find(String employeeId) {
        return db.sql("select * from hrm_kit.employee where employee_id = :id").bind("id", employeeId)
                .map(EmployeeDirectory::read).one();
    }

    /** Those of these employees that master data knows, in one query. */
    public Flux<Employee> findAll(Collection<String> employeeIds) {
        if (employeeIds.isEmpty()) {
            return Flux.empty();
        }
        return db.sql("select * from hrm_kit.employee where employee_id = any(:ids)")
                .bind("ids", employeeIds.toArray(String[]::new))
                .map(EmployeeDirectory::read).all();
    }

    /** The employee as this user may see them (themselves, a report, anyone for HR); otherwise 404, as if unknown. */
    public Mono<Employee> visibleTo(String employeeId, CurrentUser user) {
        return find(employeeId)
                .filter(e -> AccessPolicy.maySee(user, new AccessPolicy.Owner(e.employeeId(), e.lineManagerId())))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("employee", employeeId)));
    }

    /** Stores the latest master data, then lets the service react, all in the caller's transaction. */
    public Mono<Void> upsert(EmployeeUpserted e) {
        Employee employee = new Employee(e.employeeId(), e.name(), e.email(), e.entity(), e.grade(), e.contractType(),
                e.lineManagerId(), e.jobFamily(), e.competences(), e.languageOrDefault());
        return db.sql("""
                        insert into hrm_kit.employee (employee_id, name, email, entity, grade, contract_type, line_manager_id,
                                                      job_family, competences, language, updated_at)
                        values (:id, :name, :email, :entity, :grade, :contractType, :lineManagerId, :jobFamily, :competences,
                                :language, now())
                        on conflict (employee_id) do update set name = excluded.name, email = excluded.email,
                            entity = excluded.entity, grade = excluded.grade, contract_type = excluded.contract_type,
                            line_manager_id = excluded.line_manager_id, job_family = excluded.job_family,
                            competences = excluded.competences, language = excluded.language, updated_at = now()""")
                .bind("id", employee.employeeId())
                .bind("name", text(employee.name()))
                .bind("email", text(employee.email()))
                .bind("entity", employee.entity())
                .bind("grade", employee.grade())
                .bind("contractType", employee.contractType() == null ? "" : employee.contractType().name())
                .bind("lineManagerId", text(employee.lineManagerId()))
                .bind("jobFamily", text(employee.jobFamily()))
                .bind("competences", employee.competences().toArray(String[]::new))
                .bind("language", employee.language())
                .then()
                .thenMany(Flux.fromIterable(listeners).concatMap(listener -> listener.changed(employee)))
                .then();
    }

    /** Reads an employee row, also from a join that selects the employee's columns. */
    public static Employee read(Readable row) {
        String[] competences = row.get("competences", String[].class);
        String contractType = absent(row.get("contract_type", String.class));
        return new Employee(row.get("employee_id", String.class), absent(row.get("name", String.class)),
                absent(row.get("email", String.class)), row.get("entity", String.class), row.get("grade", String.class),
                contractType == null ? null : ContractType.valueOf(contractType),
                absent(row.get("line_manager_id", String.class)), absent(row.get("job_family", String.class)),
                competences == null ? List.of() : Arrays.asList(competences), row.get("language", String.class));
    }

    /** Absent text is stored as an empty string, so a bind is never a typeless null. */
    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String absent(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
