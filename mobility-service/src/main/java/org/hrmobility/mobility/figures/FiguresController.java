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
 * applications, yearly compensation of active secondments), per entity; business partners see their entity.
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
                        select coalesce(entity, '') as entity, kind, coalesce(status, '') as status, count(*) as n,
                               coalesce(sum(amount_cents) filter (where status in ('APPROVED', 'ACTIVE')), 0) as funds
                        from mobility_record
                        where kind not in ('call', 'inbound-transfer') and (cast(:entity as text) = '' or entity = :entity)
                        group by entity, kind, status order by entity, kind, status""")
                .bind("entity", scope)
                .map(row -> new Figure(row.get("entity", String.class), row.get("kind", String.class), row.get("status", String.class),
                        row.get("n", Long.class), row.get("funds", Long.class)))
                .all().collectList();
    }
}
