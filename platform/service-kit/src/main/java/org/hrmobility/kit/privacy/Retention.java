package org.hrmobility.kit.privacy;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.hrmobility.kit.audit.AuditTrail;
import org.hrmobility.kit.domain.Actor;
import org.hrmobility.kit.domain.CalendarDays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * R-PRV-2: once a day, every kind of record past its retention after closure is deleted with its history lines, in
 * bounded batches, each batch in one transaction with a history line of its own ({@code retention}: how many, of what,
 * closed before when; no personal data). Every instance may run it; a delete twice deletes nothing more.
 */
public class Retention {

    static final String AUDIT_TYPE = "retention";
    private static final Logger log = LoggerFactory.getLogger(Retention.class);
    private static final int BATCH = 1_000;

    private final DatabaseClient db;
    private final AuditTrail audit;
    private final TransactionalOperator transactional;
    private final Clock clock;
    private final List<RetentionRule> rules;
    private final Environment env;

    public Retention(DatabaseClient db, AuditTrail audit, TransactionalOperator transactional, Clock clock, List<RetentionRule> rules,
                     Environment env) {
        this.db = db;
        this.audit = audit;
        this.transactional = transactional;
        this.clock = clock;
        this.rules = List.copyOf(rules);
        this.env = env;
    }

    /** The period kept after closure: the configured one, else the rule's default. */
    public Period keep(RetentionRule rule) {
        return env.getProperty("hrm.retention." + rule.name(), Period.class, rule.keep());
    }

    /** Deletes what is past its retention; returns how many records of each kind. */
    public Mono<Map<String, Long>> apply() {
        ZonedDateTime now = clock.instant().atZone(CalendarDays.ZONE);
        return Flux.fromIterable(rules)
                .concatMap(rule -> purge(rule, now.minus(keep(rule)).toInstant()).map(n -> Map.entry(rule.name(), n)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    private Mono<Long> purge(RetentionRule rule, Instant cutoff) {
        Mono<Long> batch = transactional.transactional(db.sql("with gone as (delete from " + rule.table() + " where " + rule.idColumn()
                                + " in (select " + rule.idColumn() + " from " + rule.table() + " where (" + rule.closed() + ") and "
                                + rule.closedAt() + " < :cutoff limit " + BATCH + ") returning " + rule.idColumn() + "::text as id),"
                                + " history as (delete from hrm_kit.audit_entry where aggregate_type = :type"
                                + " and aggregate_id in (select id from gone))"
                                + " select count(*) as deleted from gone")
                        .bind("cutoff", cutoff).bind("type", rule.name())
                        .map(row -> row.get("deleted", Long.class)).one()
                        .flatMap(deleted -> deleted == 0 ? Mono.just(0L) : audit.append(AUDIT_TYPE, rule.name(),
                                Actor.SYSTEM.did(clock.instant(), "retention: deleted " + deleted + " " + rule.name()
                                        + " record(s) closed before " + cutoff, "kept " + keep(rule) + " after closure"))
                                .thenReturn(deleted)));
        return batch.expand(deleted -> deleted == BATCH ? batch : Mono.empty()).reduce(0L, Long::sum)
                .doOnNext(total -> {
                    if (total > 0) {
                        log.info("Retention: deleted {} {} record(s) closed before {}", total, rule.name(), cutoff);
                    }
                });
    }
}
