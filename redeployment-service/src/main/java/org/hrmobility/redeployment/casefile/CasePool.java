package org.hrmobility.redeployment.casefile;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.hrmobility.kit.employee.EmployeeDirectory;
import org.hrmobility.redeployment.vacancy.CandidateRanking;
import org.hrmobility.redeployment.vacancy.Pool;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;

/**
 * The redeployment pool for the ranking of a vacancy: the cases in the pool, from their declared columns alone (no
 * document is read), joined with today's master data of each member.
 */
@Component
class CasePool implements Pool {

    private final DatabaseClient db;

    CasePool(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Flux<CandidateRanking.PoolMember> members() {
        return db.sql("""
                        select c.id as case_id, c.registered_at, e.*
                        from redeployment_case c join hrm_kit.employee e on e.employee_id = c.subject_id
                        where c.status = 'IN_POOL'""")
                .map(row -> new CandidateRanking.PoolMember(row.get("case_id", UUID.class), EmployeeDirectory.read(row),
                        row.get("registered_at", OffsetDateTime.class).toInstant()))
                .all();
    }
}
