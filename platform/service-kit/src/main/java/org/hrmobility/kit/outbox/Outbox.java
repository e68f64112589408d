package org.hrmobility.kit.outbox;

import org.hrmobility.kit.domain.AuditEntry;
import org.hrmobility.kit.domain.OutgoingEvent;
import static org.hrmobility.kit.db.Binds.nullable;
import static org.hrmobility.kit.db.Binds.utc;

import java.time.Clock;
import java.util.Collection;
import java.util.UUID;
import java.util.function.Function;

import org.hrmobility.contracts.EventJson;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;

import io.r2dbc.postgresql.codec.Json;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Writes events into the outbox table inside the caller's R2DBC transaction, so a state change and its events
 * commit together or not at all. The {@link OutboxRelay} publishes them afterwards. Calling it outside a
 * transaction is a programming error and fails loudly.
 */
public class Outbox {

    private static final String INSERT = """
            insert into hrm_kit.outbox_event
                (event_id, topic, message_key, ce_type, ce_source, ce_subject, occurred_at, traceparent, payload,
                 actor_subject, actor_employee_id, actor_capacity, on_behalf_of, action, reason)
            values (:eventId, :topic, :key, :type, :source, :subject, :occurredAt, :traceparent, :payload,
                    :actor, :actorEmployee, :capacity, :onBehalfOf, :action, :reason)
            """;

    private final DatabaseClient db;
    private final String source;
    private final Clock clock;
    private final Function<ContextView, String> traceparent;

    /** @param traceparent the trace an event is written under, from the Reactor context of the write */
    public Outbox(DatabaseClient db, String source, Clock clock, Function<ContextView, String> traceparent) {
        this.db = db;
        this.source = source;
        this.clock = clock;
        this.traceparent = traceparent;
    }

    public Mono<Void> append(OutgoingEvent<?> event) {
        return requireTransaction().then(Mono.defer(() -> insert(event, null)));
    }

    /** The events of one decision, each carrying the decision's history line: who, in what capacity, what and why. */
    public Mono<Void> appendAll(Collection<? extends OutgoingEvent<?>> events, AuditEntry decision) {
        return requireTransaction().thenMany(Flux.fromIterable(events).concatMap(e -> insert(e, decision))).then();
    }

    private Mono<Void> insert(OutgoingEvent<?> event, AuditEntry decision) {
        return Mono.deferContextual(context -> insert(event, decision, traceparent.apply(context)));
    }

    private Mono<Void> insert(OutgoingEvent<?> event, AuditEntry decision, String trace) {
        DatabaseClient.GenericExecuteSpec spec = db.sql(INSERT)
                .bind("eventId", UUID.randomUUID())
                .bind("topic", event.type().topic())
                .bind("key", event.key())
                .bind("type", event.type().ceType())
                .bind("source", source)
                .bind("occurredAt", utc(clock.instant()))
                .bind("payload", Json.of(EventJson.write(event.payload())));
        spec = nullable(spec, "subject", event.subject(), String.class);
        spec = nullable(spec, "traceparent", trace, String.class);
        spec = nullable(spec, "actor", decision == null ? null : decision.actor(), String.class);
        spec = nullable(spec, "actorEmployee", decision == null ? null : decision.actorEmployeeId(), String.class);
        spec = nullable(spec, "capacity", decision == null ? null : decision.capacity(), String.class);
        spec = nullable(spec, "onBehalfOf", decision == null ? null : decision.onBehalfOf(), String.class);
        spec = nullable(spec, "action", decision == null ? null : decision.action(), String.class);
        spec = nullable(spec, "reason", decision == null ? null : decision.detail(), String.class);
        return spec.then();
    }

    private static Mono<Void> requireTransaction() {
        return TransactionSynchronizationManager.forCurrentTransaction()
                .filter(TransactionSynchronizationManager::isActualTransactionActive)
                .onErrorResume(NoTransactionException.class, e -> Mono.empty())
                .switchIfEmpty(Mono.error(() -> new IllegalStateException(
                        "Outbox.append must run inside the transaction of the state change it reports")))
                .then();
    }
}
