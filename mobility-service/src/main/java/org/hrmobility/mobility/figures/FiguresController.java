package org.hrmobility.mobility.figures;

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
 * Figures for HR: mobility records per kind and status with the central funds committed (co-funding of approved
 * applications, the compensation for their periods of approved and active secondments), per entity; business partners
 * see their entity.
 */
@RestController
@RequestMapping("/api/mobility/figures")
class FiguresController {

    record Figure(String entity, String kind, String status, long count, long centralFundsCents) {
    }

    private final DatabaseClient db;

    FiguresController(DatabaseClient db) {
        this.db = db;
    }

    @GetMapping
    Mono<List<Figure>> figures(@RequestParam(required = false) String entity, CurrentUser user) {
        String scope = AccessPolicy.figuresScope(user, entity);
        return db.sql("""
                        select entity, kind, status, count(*) as n, coalesce(sum(funds), 0) as funds from (
                            select entity, 'application' as kind, status, central_share_cents as funds from application
                            union all select entity, 'secondment', status,
                                   case when status in ('APPROVED', 'ACTIVE') then central_share_cents else 0 end from secondment
                            union all select entity, 'allowance', status, 0 from allowance
                            union all select entity, 'talent-offer', status, 0 from talent_offer
                            union all select entity, 'talent-request', status, 0 from talent_request) records
                        where cast(:entity as text) = '' or entity = :entity
                        group by entity, kind, status order by entity, kind, status""")
                .bind("entity", scope)
                .map(row -> new Figure(row.get("entity", String.class), row.get("kind", String.class), row.get("status", String.class),
                        row.get("n", Long.class), row.get("funds", Long.class)))
                .all().collectList();
    }
}
