package org.hrmobility.kit.inbox;

import java.time.Duration;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import reactor.core.publisher.Mono;

/**
 * Applies a consumed event at most once per consumer. The event id is recorded in the inbox table in the same
 * transaction as the handler's effect: a redelivered event finds its id there and changes nothing, and a
 * failed effect rolls back the record too, so the retry runs it again. Runs on the binder's consumer thread,
 * never on an event loop, and blocks until the transaction has committed, so the offset is committed after.
 */
public class Inbox {

    private static final Logger log = LoggerFactory.getLogger(Inbox.class);

    private final DatabaseClient db;
    private final TransactionalOperator transactional;
    private final Duration timeout;
    private final MeterRegistry meters;

    public Inbox(DatabaseClient db, TransactionalOperator transactional, Duration timeout, MeterRegistry meters) {
        this.db = db;
        this.transactional = transactional;
        this.timeout = timeout;
        this.meters = meters == null ? Metrics.globalRegistry : meters;
    }

    /**
     * Runs {@code effect} for this message unless this consumer has already applied it.
     *
     * @return true if the effect ran, false for a repeat
     * @throws MalformedEventException when the message is not a readable event (not retried)
     */
    public boolean handleOnce(String consumer, Message<byte[]> message, Function<IncomingEvent, Mono<?>> effect) {
        IncomingEvent event;
        Boolean applied;
        try {
            event = IncomingEvent.from(message);
            applied = transactional.transactional(claim(consumer, event)
                            .flatMap(claimed -> claimed ? effect.apply(event).then(Mono.just(true)) : Mono.just(false)))
                    .block(timeout);
        } catch (MalformedEventException e) {
            count(consumer, "malformed");
            throw e;
        }
        boolean ran = Boolean.TRUE.equals(applied);
        count(consumer, ran ? "applied" : "duplicate");
        if (!ran) {
            log.debug("{} skipped {} {}: already applied", consumer, event.metadata().type(), event.metadata().id());
        }
        return ran;
    }

    private void count(String consumer, String outcome) {
        meters.counter("hrm.inbox.events", "consumer", consumer, "outcome", outcome).increment();
    }

    private Mono<Boolean> claim(String consumer, IncomingEvent event) {
        return db.sql("""
                        insert into hrm_kit.inbox_event (consumer, event_id, ce_type)
                        values (:consumer, :eventId, :type)
                        on conflict do nothing""")
                .bind("consumer", consumer)
                .bind("eventId", event.metadata().id())
                .bind("type", event.metadata().type())
                .fetch().rowsUpdated()
                .map(rows -> rows == 1);
    }
}
