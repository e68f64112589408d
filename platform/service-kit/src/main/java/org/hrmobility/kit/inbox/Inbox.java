package org.hrmobility.kit.inbox;

import static org.hrmobility.kit.db.Binds.column;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import org.hrmobility.kit.observability.TraceContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
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
 * <p>
 * A batch-mode consumer applies a whole poll in one transaction ({@link #handleAllOnce}): the statements of a
 * busy poll are shared by all its events instead of repeated for each. A batch that fails is applied again one
 * event at a time, so only the event that fails is retried and, in the end, sent to the dead-letter topic.
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
                            .flatMap(claimed -> claimed ? inTrace(() -> effect.apply(event)).then(Mono.just(true)) : Mono.just(false)))
                    .contextCapture()
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

    /**
     * Runs {@code effect} once for the events of this batch that this consumer has not applied yet, all in one
     * transaction. When the batch fails, its events are applied one by one, each in its own transaction, up to
     * the one that fails: that one is reported to the binder by its index, so the events before it stay applied
     * and it alone is retried and, in the end, dead-lettered. A malformed event is reported the same way.
     *
     * @return how many events the effect ran for (repeats excluded)
     * @throws BatchListenerFailedException naming the first event that could not be applied
     */
    public int handleAllOnce(String consumer, Message<List<byte[]>> batch, Function<List<IncomingEvent>, Mono<?>> effect) {
        List<Message<byte[]>> messages = EventBatch.split(batch);
        meters.summary("hrm.inbox.batch.size", "consumer", consumer).record(messages.size());
        List<IncomingEvent> events = new ArrayList<>(messages.size());
        for (Message<byte[]> message : messages) {
            try {
                events.add(IncomingEvent.from(message));
            } catch (MalformedEventException e) {
                applyAll(consumer, events, effect);
                count(consumer, "malformed");
                throw new BatchListenerFailedException(e.getMessage(), e, events.size());
            }
        }
        return applyAll(consumer, events, effect);
    }

    /**
     * The effect, run with the consumed event's trace on its thread: the trace the binder started on the consumer thread
     * is captured into the Reactor context at the block, and put back here, where the effect runs on the driver's.
     */
    private static Mono<?> inTrace(Supplier<Mono<?>> effect) {
        return Mono.deferContextual(context -> TraceContext.within(context, effect));
    }

    private int applyAll(String consumer, List<IncomingEvent> events, Function<List<IncomingEvent>, Mono<?>> effect) {
        if (events.isEmpty()) {
            return 0;
        }
        try {
            return applyTogether(consumer, events, effect);
        } catch (RuntimeException batchFailed) {
            if (events.size() > 1) {
                log.warn("{}: a batch of {} events failed ({}); applying them one by one", consumer, events.size(),
                        batchFailed.toString());
            }
            int applied = 0;
            for (int i = 0; i < events.size(); i++) {
                try {
                    applied += applyTogether(consumer, List.of(events.get(i)), effect);
                } catch (RuntimeException failed) {
                    if (failed instanceof MalformedEventException) {
                        count(consumer, "malformed");
                    }
                    throw new BatchListenerFailedException(events.get(i).metadata().type() + " " + events.get(i).metadata().id()
                            + " failed: " + failed.getMessage(), failed, i);
                }
            }
            return applied;
        }
    }

    private int applyTogether(String consumer, List<IncomingEvent> events, Function<List<IncomingEvent>, Mono<?>> effect) {
        List<IncomingEvent> claimed = transactional.transactional(claimAll(consumer, events)
                        .flatMap(ids -> {
                            // removing a claimed id as it is taken keeps a record polled twice from running twice
                            List<IncomingEvent> fresh = events.stream().filter(e -> ids.remove(e.metadata().id())).toList();
                            return fresh.isEmpty() ? Mono.just(fresh) : inTrace(() -> effect.apply(fresh)).then(Mono.just(fresh));
                        }))
                .contextCapture()
                .block(timeout);
        int applied = claimed == null ? 0 : claimed.size();
        meters.counter("hrm.inbox.events", "consumer", consumer, "outcome", "applied").increment(applied);
        meters.counter("hrm.inbox.events", "consumer", consumer, "outcome", "duplicate").increment(events.size() - applied);
        if (applied < events.size()) {
            log.debug("{} skipped {} of {} events: already applied", consumer, events.size() - applied, events.size());
        }
        return applied;
    }

    /** The ids of these events that this consumer claims now: the others it has applied before. */
    private Mono<Set<UUID>> claimAll(String consumer, List<IncomingEvent> events) {
        return db.sql("""
                        insert into hrm_kit.inbox_event (consumer, event_id, ce_type)
                        select :consumer, cast(e.id as uuid), e.type from unnest(:ids, :types) as e (id, type)
                        on conflict do nothing
                        returning event_id""")
                .bind("consumer", consumer)
                .bind("ids", column(events, e -> e.metadata().id()))
                .bind("types", column(events, e -> e.metadata().type()))
                .map(row -> row.get("event_id", UUID.class))
                .all()
                .collect(HashSet::new, Set::add);
    }

    private void count(String consumer, String outcome) {
        meters.counter("hrm.inbox.events", "consumer", consumer, "outcome", outcome).increment();
    }

    /**
     * Forgets the events received before {@code cutoff}, at most {@code batch} per statement, until none is left; returns
     * how many. An event is remembered for as long as it could arrive again: a redelivery comes within minutes, a
     * dead-letter replay within the dead-letter topics' retention, so the retention is kept longer than that.
     */
    public Mono<Long> purgeReceivedBefore(Instant cutoff, int batch) {
        Mono<Long> once = db.sql("""
                        delete from hrm_kit.inbox_event where ctid in (
                            select ctid from hrm_kit.inbox_event where received_at < :cutoff limit :batch)""")
                .bind("cutoff", cutoff).bind("batch", batch)
                .fetch().rowsUpdated();
        return once.expand(deleted -> deleted == batch ? once : Mono.empty()).reduce(0L, Long::sum);
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
