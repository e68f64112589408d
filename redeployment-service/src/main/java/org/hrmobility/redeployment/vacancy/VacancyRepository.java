package org.hrmobility.redeployment.vacancy;

import static org.hrmobility.kit.db.Binds.nullable;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hrmobility.kit.employee.EmployeeDirectory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
public class VacancyRepository {

    private final DatabaseClient db;

    VacancyRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Vacancy> find(String vacancyId) {
        return db.sql("select * from vacancy where vacancy_id = :id").bind("id", vacancyId).map(VacancyRepository::read).one();
    }

    Flux<Vacancy> findAll(Vacancy.VacancyStatus status) {
        return db.sql("select * from vacancy" + (status == null ? "" : " where status = :status") + " order by published_at desc")
                .bindValues(status == null ? Map.of() : Map.of("status", status.name()))
                .map(VacancyRepository::read).all();
    }

    /** Inserts, or updates an open vacancy; returns true when it was new. A withdrawn or filled one is left alone. */
    Mono<Boolean> upsert(Vacancy v) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        insert into vacancy (vacancy_id, recruitment_system, title, entity, grade, job_family, competences,
                                             closes_on, status, published_at)
                        values (:id, :system, :title, :entity, :grade, :jobFamily, :competences, :closesOn, 'OPEN', now())
                        on conflict (vacancy_id) do update set title = excluded.title, entity = excluded.entity,
                            grade = excluded.grade, job_family = excluded.job_family, competences = excluded.competences,
                            closes_on = excluded.closes_on, version = vacancy.version + 1
                        where vacancy.status = 'OPEN'
                        returning (xmax = 0) as inserted""")
                .bind("id", v.vacancyId()).bind("system", v.recruitmentSystem()).bind("title", v.title())
                .bind("entity", v.entity()).bind("grade", v.grade())
                .bind("jobFamily", v.jobFamily() == null ? "" : v.jobFamily())
                .bind("competences", v.competences().toArray(String[]::new));
        spec = nullable(spec, "closesOn", v.closesOn(), LocalDate.class);
        return spec.map(row -> Boolean.TRUE.equals(row.get("inserted", Boolean.class))).one().defaultIfEmpty(false);
    }

    Mono<Long> setStatus(String vacancyId, Vacancy.VacancyStatus from, Vacancy.VacancyStatus to, UUID filledByCase) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        update vacancy set status = :to, filled_by_case = :caseId, version = version + 1
                        where vacancy_id = :id and status = :from""")
                .bind("id", vacancyId).bind("from", from.name()).bind("to", to.name());
        spec = nullable(spec, "caseId", filledByCase, UUID.class);
        return spec.fetch().rowsUpdated();
    }

    /** The redeployment pool with each member's current master data, for the ranking. */
    Flux<CandidateRanking.PoolMember> pool() {
        return db.sql("""
                        select c.id as case_id, c.registered_at, e.*
                        from redeployment_case c join hrm_kit.employee e on e.employee_id = c.employee_id
                        where c.status = 'IN_POOL'""")
                .map(row -> new CandidateRanking.PoolMember(row.get("case_id", UUID.class), EmployeeDirectory.read(row),
                        row.get("registered_at", OffsetDateTime.class).toInstant()))
                .all();
    }

    private static Vacancy read(Readable row) {
        String[] competences = row.get("competences", String[].class);
        String jobFamily = row.get("job_family", String.class);
        return new Vacancy(row.get("vacancy_id", String.class), row.get("recruitment_system", String.class),
                row.get("title", String.class), row.get("entity", String.class), row.get("grade", String.class),
                jobFamily == null || jobFamily.isEmpty() ? null : jobFamily,
                competences == null ? List.of() : Arrays.asList(competences), row.get("closes_on", LocalDate.class),
                Vacancy.VacancyStatus.valueOf(row.get("status", String.class)), row.get("filled_by_case", UUID.class));
    }
}
