package org.hrmobility.kit.access;

import static org.hrmobility.kit.db.Binds.utc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hrmobility.contracts.workbench.DeputyNamed;
import org.hrmobility.contracts.workbench.DeputyRevoked;
import org.springframework.r2dbc.core.DatabaseClient;

import reactor.core.publisher.Mono;

/**
 * The service's copy of who deputises for which line manager and when (R-ACC-3), in {@code hrm_kit.deputy}, kept by
 * the {@code deputies} consumer of {@code hrm.workbench.events}; {@link Access} reads it. A revocation removes the
 * row: the deputy's rights end with it.
 */
public class Deputies {

    private final DatabaseClient db;

    public Deputies(DatabaseClient db) {
        this.db = db;
    }

    /** Stores a delegation as of {@code asOf}; a replay of an older state never overwrites a newer one. */
    public Mono<Void> named(DeputyNamed d, Instant asOf) {
        return db.sql("""
                        insert into hrm_kit.deputy (delegation_id, manager_id, deputy_id, starts_on, ends_on, as_of)
                        values (:id, :manager, :deputy, :from, :to, :asOf)
                        on conflict (delegation_id) do update set manager_id = excluded.manager_id, deputy_id = excluded.deputy_id,
                            starts_on = excluded.starts_on, ends_on = excluded.ends_on, as_of = excluded.as_of
                        where deputy.as_of <= excluded.as_of""")
                .bind("id", UUID.fromString(d.delegationId())).bind("manager", d.managerId()).bind("deputy", d.deputyId())
                .bind("from", d.from()).bind("to", d.to()).bind("asOf", utc(asOf))
                .then();
    }

    /** The deputies of these managers on that day, per manager. */
    public Mono<Map<String, List<String>>> activeFor(Collection<String> managerIds, LocalDate day) {
        if (managerIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return db.sql("""
                        select manager_id, deputy_id from hrm_kit.deputy
                        where manager_id = any(:managers) and starts_on <= :day and ends_on >= :day""")
                .bind("managers", managerIds.toArray(String[]::new)).bind("day", day)
                .map(row -> Map.entry(row.get("manager_id", String.class), row.get("deputy_id", String.class)))
                .all()
                .collectMultimap(Map.Entry::getKey, Map.Entry::getValue)
                .map(byManager -> {
                    Map<String, List<String>> lists = new HashMap<>();
                    byManager.forEach((manager, deputies) -> lists.put(manager, List.copyOf(deputies)));
                    return lists;
                });
    }

    public Mono<Void> revoked(DeputyRevoked d) {
        return db.sql("delete from hrm_kit.deputy where delegation_id = :id").bind("id", UUID.fromString(d.delegationId())).then();
    }
}
