package org.hrmobility.redeployment.figures;

import java.util.List;

import org.hrmobility.kit.security.CurrentUser;
import org.hrmobility.kit.security.AccessPolicy;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/**
 * Figures for HR business partners (their own entity) and case handlers (any): pool size, placements accepted
 * and ex officio, median days from registration to placement, refusals; per entity.
 */
@RestController
@RequestMapping("/api/redeployment/figures")
class FiguresController {

    record EntityFigures(String entity, long poolSize, long internalTrajectories, long placedAccepted, long placedExOfficio,
                         Double medianDaysToPlacement, long refusals) {
    }

    private final DatabaseClient db;

    FiguresController(DatabaseClient db) {
        this.db = db;
    }

    @GetMapping
    Mono<List<EntityFigures>> figures(@RequestParam(required = false) String entity, CurrentUser user) {
        String scope = AccessPolicy.figuresScope(user, entity);
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                select entity,
                       count(*) filter (where status = 'IN_POOL') as pool,
                       count(*) filter (where status = 'INTERNAL_TRAJECTORY') as internal,
                       count(*) filter (where status = 'PLACED' and not placed_ex_officio) as accepted,
                       count(*) filter (where status = 'PLACED' and placed_ex_officio) as ex_officio,
                       percentile_cont(0.5) within group (order by extract(epoch from placed_at - registered_at) / 86400)
                           filter (where placed_at is not null and registered_at is not null) as median_days,
                       coalesce(sum(refusals), 0) as refusals
                from redeployment_case
                where (cast(:entity as text) = '' or entity = :entity)
                group by entity order by entity""")
                .bind("entity", scope);
        return spec.map(row -> new EntityFigures(row.get("entity", String.class), row.get("pool", Long.class),
                        row.get("internal", Long.class), row.get("accepted", Long.class), row.get("ex_officio", Long.class),
                        row.get("median_days", Double.class), row.get("refusals", Long.class)))
                .all().collectList();
    }
}
