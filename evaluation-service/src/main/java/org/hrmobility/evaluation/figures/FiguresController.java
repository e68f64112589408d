package org.hrmobility.evaluation.figures;

import java.util.List;

import org.hrmobility.kit.security.CurrentUser;
import org.hrmobility.kit.security.AccessPolicy;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/** Follow-ups open and dismissals mandated, per entity and, for mandates, per year; HR business partners see their entity. */
@RestController
@RequestMapping("/api/evaluations/figures")
class FiguresController {

    record EntityFigures(String entity, long followUpsOpen, long dismissalProposalsPending, long dismissalsMandated) {
    }

    private final DatabaseClient db;

    FiguresController(DatabaseClient db) {
        this.db = db;
    }

    @GetMapping
    Mono<List<EntityFigures>> figures(@RequestParam(required = false) String entity,
                                      @RequestParam(required = false) Integer year, CurrentUser user) {
        String scope = AccessPolicy.figuresScope(user, entity);
        return db.sql("""
                        select entity,
                               count(*) filter (where state = 'FOLLOW_UP_OPEN') as open,
                               count(*) filter (where state = 'DISMISSAL_PROPOSED') as proposed,
                               count(*) filter (where state = 'DISMISSAL_MANDATED'
                                   and (:year = 0 or extract(year from mandated_on) = :year)) as mandated
                        from evaluation_file
                        where (cast(:entity as text) = '' or entity = :entity)
                        group by entity order by entity""")
                .bind("entity", scope)
                .bind("year", year == null ? 0 : year)
                .map(row -> new EntityFigures(row.get("entity", String.class), row.get("open", Long.class),
                        row.get("proposed", Long.class), row.get("mandated", Long.class)))
                .all().collectList();
    }
}
