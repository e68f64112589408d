package org.hrmobility.kit.employee;

import static org.hrmobility.kit.db.Binds.utc;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hrmobility.contracts.EventJson;
import org.hrmobility.contracts.employee.ContractType;
import org.hrmobility.contracts.employee.EmployeeUpserted;
import org.hrmobility.kit.db.Binds;
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

    /**
     * Stores master data as of {@code asOf} (the time of the change), then lets the service react, all in the caller's
     * transaction. Data older than what is stored is ignored (R-ACC-1): a replay or a late retry never moves an
     * employee back to a former line manager.
     */
    public Mono<Void> upsert(EmployeeUpserted e, Instant asOf) {
        Employee employee = employee(e);
        return db.sql("""
                        insert into hrm_kit.employee (employee_id, name, email, entity, grade, contract_type, line_manager_id,
                                                      job_family, competences, language, updated_at, as_of, manager)
                        values (:id, :name, :email, :entity, :grade, :contractType, :lineManagerId, :jobFamily, :competences,
                                :language, now(), :asOf, :manager)
                        on conflict (employee_id) do update set name = excluded.name, email = excluded.email,
                            entity = excluded.entity, grade = excluded.grade, contract_type = excluded.contract_type,
                            line_manager_id = excluded.line_manager_id, job_family = excluded.job_family,
                            competences = excluded.competences, language = excluded.language, updated_at = now(),
                            as_of = excluded.as_of, manager = excluded.manager
                        where employee.as_of is null or employee.as_of <= excluded.as_of
                        returning employee_id""")
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
                .bind("asOf", utc(asOf))
                .bind("manager", Boolean.TRUE.equals(employee.manager()))
                .map(row -> row.get(0, String.class)).one()
                .flatMap(stored -> Flux.fromIterable(listeners).concatMap(listener -> listener.changed(employee)).then())
                .then();
    }

    /** One master-data change as the topic delivers it: the record and the time of the change. */
    public record Change(EmployeeUpserted employee, Instant asOf) {
    }

    /**
     * Stores a whole poll of master data in one statement (a department's import takes seconds, not minutes), newest
     * wins as in {@link #upsert}: of several changes of one employee in the poll the newest is kept, and none overwrites
     * newer data already stored. The listeners hear of each employee stored.
     */
    public Mono<Void> upsertAll(List<Change> changes) {
        Map<String, Change> newest = new LinkedHashMap<>();
        for (Change c : changes) {
            newest.merge(c.employee().employeeId(), c, (a, b) -> b.asOf().isBefore(a.asOf()) ? a : b);
        }
        if (newest.isEmpty()) {
            return Mono.empty();
        }
        List<Employee> rows = newest.values().stream().map(c -> employee(c.employee())).toList();
        List<Change> kept = List.copyOf(newest.values());
        return db.sql("""
                        insert into hrm_kit.employee (employee_id, name, email, entity, grade, contract_type, line_manager_id,
                                                      job_family, competences, language, updated_at, as_of, manager)
                        select c.id, c.name, c.email, c.entity, c.grade, c.contract_type, c.line_manager_id, c.job_family,
                               coalesce(array(select jsonb_array_elements_text(cast(c.competences as jsonb))), '{}'),
                               c.language, now(), cast(c.as_of as timestamptz), cast(c.manager as boolean)
                        from unnest(:id, :name, :email, :entity, :grade, :contractType, :lineManagerId, :jobFamily, :competences,
                                    :language, :asOf, :manager)
                             as c (id, name, email, entity, grade, contract_type, line_manager_id, job_family, competences,
                                   language, as_of, manager)
                        on conflict (employee_id) do update set name = excluded.name, email = excluded.email,
                            entity = excluded.entity, grade = excluded.grade, contract_type = excluded.contract_type,
                            line_manager_id = excluded.line_manager_id, job_family = excluded.job_family,
                            competences = excluded.competences, language = excluded.language, updated_at = now(),
                            as_of = excluded.as_of, manager = excluded.manager
                        where employee.as_of is null or employee.as_of <= excluded.as_of
                        returning employee_id""")
                .bind("id", Binds.column(rows, Employee::employeeId))
                .bind("name", Binds.column(rows, e -> text(e.name())))
                .bind("email", Binds.column(rows, e -> text(e.email())))
                .bind("entity", Binds.column(rows, Employee::entity))
                .bind("grade", Binds.column(rows, Employee::grade))
                .bind("contractType", Binds.column(rows, e -> e.contractType() == null ? "" : e.contractType().name()))
                .bind("lineManagerId", Binds.column(rows, e -> text(e.lineManagerId())))
                .bind("jobFamily", Binds.column(rows, e -> text(e.jobFamily())))
                .bind("competences", Binds.column(rows, e -> EventJson.mapper().writeValueAsString(e.competences())))
                .bind("language", Binds.column(rows, Employee::language))
                .bind("asOf", Binds.column(kept, c -> utc(c.asOf())))
                .bind("manager", Binds.column(rows, e -> Boolean.TRUE.equals(e.manager())))
                .map(row -> row.get(0, String.class)).all()
                .concatMap(stored -> listeners.isEmpty() ? Mono.empty() : Flux.fromIterable(listeners)
                        .concatMap(listener -> listener.changed(employee(newest.get(stored).employee()))).then())
                .then();
    }

    private static Employee employee(EmployeeUpserted e) {
        return new Employee(e.employeeId(), e.name(), e.email(), e.entity(), e.grade(), e.contractType(),
                e.lineManagerId(), e.jobFamily(), e.competences(), e.languageOrDefault(), e.manager());
    }

    /**
     * R-EVA-6: whether someone is a manager: master data says they hold a management post, or names them as the line
     * manager of at least one employee.
     */
    public Mono<Boolean> isManager(String employeeId) {
        return db.sql("""
                        select coalesce(e.manager, false)
                               or exists(select 1 from hrm_kit.employee r where r.line_manager_id = e.employee_id) as manager
                        from hrm_kit.employee e where e.employee_id = :id""")
                .bind("id", employeeId).map(row -> Boolean.TRUE.equals(row.get("manager", Boolean.class))).one()
                .defaultIfEmpty(false);
    }

    /** Reads an employee row, also from a join that selects the employee's columns. */
    public static Employee read(Readable row) {
        String[] competences = row.get("competences", String[].class);
        String contractType = absent(row.get("contract_type", String.class));
        return new Employee(row.get("employee_id", String.class), absent(row.get("name", String.class)),
                absent(row.get("email", String.class)), row.get("entity", String.class), row.get("grade", String.class),
                contractType == null ? null : ContractType.valueOf(contractType),
                absent(row.get("line_manager_id", String.class)), absent(row.get("job_family", String.class)),
                competences == null ? List.of() : Arrays.asList(competences), row.get("language", String.class),
                row.get("manager", Boolean.class));
    }

    /** Absent text is stored as an empty string, so a bind is never a typeless null. */
    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String absent(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
