package org.hrmobility.notification.webhook;

import static org.hrmobility.kit.db.Binds.column;
import static org.hrmobility.kit.db.Binds.nullable;
import static org.hrmobility.kit.db.Binds.utc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.hrmobility.kit.security.Role;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Subscriptions, their deliveries and the log of every attempt. */
@Repository
class WebhookRepository {

    /**
     * A delivery claimed for an attempt, with where and how to send it, and whose subscription it is (checked again
     * before sending). The secrets are as stored: encrypted.
     */
    record Due(long id, UUID subscriptionId, UUID eventId, String ceType, String body, int attempts, String url, String secret,
               String previousSecret, Instant previousSecretUntil, String owner, Role ownerRole, String ownerEntity) {
    }

    /** One attempt of the delivery log: the answer's status and duration, or only the error {@code failed} when there was none. */
    record Attempt(int attempt, Instant at, Integer statusCode, String error, int millis) {
    }

    /** A delivery as its owner sees it in the log. */
    record Delivery(long id, UUID eventId, String type, String state, int attempts, Instant createdAt, Instant deliveredAt,
                    Instant nextAttemptAt, List<Attempt> log) {
    }

    private final DatabaseClient db;

    WebhookRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Subscription> insert(Subscription s) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        insert into webhook_subscription (id, owner, owner_role, owner_entity, url, event_types, secret, contact_email,
                                                          status, created_at, updated_at, expires_at)
                        values (:id, :owner, :role, :entity, :url, :types, :secret, :contact, :status, :at, :at, :expires)""")
                .bind("id", s.id()).bind("owner", s.owner()).bind("role", s.ownerRole().name()).bind("url", s.url())
                .bind("types", s.eventTypes().toArray(String[]::new)).bind("secret", s.secret())
                .bind("status", s.status().name()).bind("at", utc(s.createdAt())).bind("expires", utc(s.expiresAt()));
        spec = nullable(spec, "contact", s.contactEmail(), String.class);
        spec = nullable(spec, "entity", s.ownerEntity(), String.class);
        return spec.then().thenReturn(s);
    }

    Mono<Subscription> find(UUID id) {
        return db.sql("select * from webhook_subscription where id = :id and status <> 'DELETED'").bind("id", id)
                .map(WebhookRepository::subscription).one();
    }

    Flux<Subscription> ofOwner(String owner) {
        return db.sql("select * from webhook_subscription where owner = :owner and status <> 'DELETED' order by created_at")
                .bind("owner", owner).map(WebhookRepository::subscription).all();
    }

    /**
     * The subscriptions in force that follow at least one of these types: active or paused (whose deliveries are held),
     * not waiting for approval, not expired. Those get nothing queued.
     */
    Flux<Subscription> listeningToAny(Collection<String> ceTypes, Instant now) {
        return db.sql("""
                        select * from webhook_subscription
                        where status <> 'DELETED' and status in ('ACTIVE', 'PAUSED') and expires_at > :now and event_types && :types""")
                .bind("types", ceTypes.toArray(String[]::new)).bind("now", utc(now)).map(WebhookRepository::subscription).all();
    }

    /** The subscriptions of case handlers of this entity that wait for approval, but this person's own. */
    Flux<Subscription> awaitingApproval(String entity, String notOwner, Instant now) {
        return db.sql("""
                        select * from webhook_subscription
                        where status = 'PENDING_APPROVAL' and owner_entity = :entity and owner <> :owner and expires_at > :now
                        order by created_at""")
                .bind("entity", entity).bind("owner", notOwner).bind("now", utc(now)).map(WebhookRepository::subscription).all();
    }

    /** Resumes a paused (or active) subscription, counting failures afresh; empty in any other state. */
    Mono<Subscription> resume(UUID id, Instant at) {
        return db.sql("""
                        update webhook_subscription set status = 'ACTIVE', paused_reason = null, failed_in_a_row = 0, updated_at = :at
                        where id = :id and status in ('ACTIVE', 'PAUSED') returning *""")
                .bind("id", id).bind("at", utc(at)).map(WebhookRepository::subscription).one();
    }

    /** Approves a subscription waiting for it, by someone not its owner, before it expires; empty otherwise. */
    Mono<Subscription> approve(UUID id, String approver, Instant at) {
        return db.sql("""
                        update webhook_subscription set status = 'ACTIVE', approved_by = :approver, approved_at = :at, updated_at = :at
                        where id = :id and status = 'PENDING_APPROVAL' and owner <> :approver and expires_at > :at returning *""")
                .bind("id", id).bind("approver", approver).bind("at", utc(at)).map(WebhookRepository::subscription).one();
    }

    /** Deletes it: by its owner, or refused by the case handler asked to approve it. */
    Mono<Subscription> delete(UUID id, String reason, Instant at) {
        return db.sql("""
                        update webhook_subscription set status = 'DELETED', paused_reason = :reason, updated_at = :at
                        where id = :id and status <> 'DELETED' returning *""")
                .bind("id", id).bind("reason", reason).bind("at", utc(at)).map(WebhookRepository::subscription).one();
    }

    /** Refuses a subscription that waits for approval; empty when it no longer waits. */
    Mono<Subscription> reject(UUID id, String reason, Instant at) {
        return db.sql("""
                        update webhook_subscription set status = 'DELETED', paused_reason = :reason, updated_at = :at
                        where id = :id and status = 'PENDING_APPROVAL' returning *""")
                .bind("id", id).bind("reason", reason).bind("at", utc(at)).map(WebhookRepository::subscription).one();
    }

    /**
     * Renews: a new expiry, the owner's entity as their token says now, and the state it goes on in (active, or waiting
     * for approval when nobody approved it yet). Empty when it was deleted meanwhile.
     */
    Mono<Subscription> renew(UUID id, String entity, Subscription.Status status, Instant expiresAt, Instant at) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        update webhook_subscription set expires_at = :expires, owner_entity = :entity, updated_at = :at,
                            status = :status,
                            paused_reason = case when :status = status then paused_reason end,
                            failed_in_a_row = case when :status = status then failed_in_a_row else 0 end
                        where id = :id and status <> 'DELETED' returning *""")
                .bind("id", id).bind("expires", utc(expiresAt)).bind("status", status.name()).bind("at", utc(at));
        spec = nullable(spec, "entity", entity, String.class);
        return spec.map(WebhookRepository::subscription).one();
    }

    /** A new secret; the one it replaces keeps signing until {@code until}. Empty when another rotation came first. */
    Mono<Subscription> rotateSecret(UUID id, String expected, String secret, String previous, Instant until, Instant at) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        update webhook_subscription set secret = :secret, previous_secret = :previous, previous_secret_until = :until,
                            updated_at = :at
                        where id = :id and status <> 'DELETED' and secret = :expected returning *""")
                .bind("id", id).bind("expected", expected).bind("secret", secret).bind("at", utc(at));
        spec = nullable(spec, "previous", previous, String.class);
        spec = nullable(spec, "until", until == null ? null : utc(until), OffsetDateTime.class);
        return spec.map(WebhookRepository::subscription).one();
    }

    /** Subscriptions in force whose lifetime ran out, now expired; each returned once. */
    Flux<Subscription> expire(Instant now) {
        return db.sql("""
                        update webhook_subscription set status = 'EXPIRED', updated_at = :now,
                            paused_reason = 'expired: its owner renews it with a fresh token'
                        where status in ('ACTIVE', 'PAUSED', 'PENDING_APPROVAL') and expires_at <= :now returning *""")
                .bind("now", utc(now)).map(WebhookRepository::subscription).all();
    }

    /** Every stored secret, for re-encryption under the current key. */
    Flux<Subscription> all() {
        return db.sql("select * from webhook_subscription").map(WebhookRepository::subscription).all();
    }

    /** Replaces the stored secrets, unless they changed meanwhile (another instance, a rotation); true when replaced. */
    Mono<Boolean> reseal(UUID id, String secret, String previous, String expectedSecret, String expectedPrevious) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        update webhook_subscription set secret = :secret, previous_secret = :previous
                        where id = :id and secret = :expectedSecret and previous_secret is not distinct from :expectedPrevious""")
                .bind("id", id).bind("secret", secret).bind("expectedSecret", expectedSecret);
        spec = nullable(spec, "previous", previous, String.class);
        spec = nullable(spec, "expectedPrevious", expectedPrevious, String.class);
        return spec.fetch().rowsUpdated().map(rows -> rows > 0);
    }

    /** A delivery its subscription may no longer receive leaves the queue unsent. */
    Mono<Void> withhold(long deliveryId) {
        return db.sql("update webhook_delivery set state = 'CANCELLED' where id = :id and state = 'PENDING'")
                .bind("id", deliveryId).then();
    }

    /** A deleted subscription's deliveries will never go: they leave the queue. */
    Mono<Void> cancelPending(UUID subscriptionId) {
        return db.sql("update webhook_delivery set state = 'CANCELLED' where subscription_id = :id and state in ('PENDING', 'FAILED')")
                .bind("id", subscriptionId).then();
    }

    /** Pauses an active subscription; empty when it was not active (another failure paused it first). */
    Mono<Subscription> pauseIfActive(UUID id, String reason, Instant at) {
        return db.sql("""
                        update webhook_subscription set status = 'PAUSED', paused_reason = :reason, updated_at = :at
                        where id = :id and status = 'ACTIVE' returning *""")
                .bind("id", id).bind("reason", reason).bind("at", utc(at))
                .map(WebhookRepository::subscription).one();
    }

    /** Deliveries that ran out of attempts go again, from their first attempt. */
    Mono<Long> requeueFailed(UUID subscriptionId, Instant at) {
        return db.sql("""
                        update webhook_delivery set state = 'PENDING', attempts = 0, next_attempt_at = :at
                        where subscription_id = :id and state = 'FAILED'""")
                .bind("id", subscriptionId).bind("at", utc(at)).fetch().rowsUpdated();
    }

    /** One event for one subscription, to be delivered. */
    record Queued(UUID subscriptionId, UUID eventId, String ceType, String body) {
    }

    /** Queues these in one statement, but those already queued; returns how many were queued. */
    Mono<Long> enqueueAll(List<Queued> deliveries, Instant at) {
        if (deliveries.isEmpty()) {
            return Mono.just(0L);
        }
        return db.sql("""
                        insert into webhook_delivery (subscription_id, event_id, ce_type, body, state, next_attempt_at, created_at)
                        select cast(d.subscription as uuid), cast(d.event as uuid), d.type, d.body, 'PENDING', :at, :at
                        from unnest(:subscription, :event, :type, :body) as d (subscription, event, type, body)
                        on conflict (subscription_id, event_id) do nothing""")
                .bind("subscription", column(deliveries, Queued::subscriptionId))
                .bind("event", column(deliveries, Queued::eventId))
                .bind("type", column(deliveries, Queued::ceType))
                .bind("body", column(deliveries, Queued::body))
                .bind("at", utc(at)).fetch().rowsUpdated();
    }

    /**
     * Claims the due deliveries of active subscriptions for one attempt each: they are leased until {@code lease}, so
     * another instance (or this one, next round) does not take them meanwhile; an attempt that never reports back
     * is tried again when the lease ends.
     */
    Flux<Due> claimDue(Instant now, Instant lease, int limit) {
        return db.sql("""
                        update webhook_delivery d set next_attempt_at = :lease
                        from webhook_subscription s
                        where d.id in (select d2.id from webhook_delivery d2 join webhook_subscription s2 on s2.id = d2.subscription_id
                                       where d2.state = 'PENDING' and d2.next_attempt_at <= :now and s2.status = 'ACTIVE'
                                         and s2.expires_at > :now
                                       order by d2.next_attempt_at limit :limit for update of d2 skip locked)
                          and s.id = d.subscription_id
                        returning d.id, d.subscription_id, d.event_id, d.ce_type, d.body, d.attempts, s.url, s.secret,
                                  s.previous_secret, s.previous_secret_until, s.owner, s.owner_role, s.owner_entity""")
                .bind("now", utc(now)).bind("lease", utc(lease)).bind("limit", limit)
                .map(row -> new Due(row.get("id", Long.class), row.get("subscription_id", UUID.class), row.get("event_id", UUID.class),
                        row.get("ce_type", String.class), row.get("body", String.class), row.get("attempts", Integer.class),
                        row.get("url", String.class), row.get("secret", String.class), row.get("previous_secret", String.class),
                        instant(row, "previous_secret_until"), row.get("owner", String.class), role(row.get("owner_role", String.class)),
                        row.get("owner_entity", String.class)))
                .all();
    }

    /** The endpoint's circuit is open: try again then, without spending an attempt. */
    Mono<Void> postpone(long deliveryId, Instant at) {
        return db.sql("update webhook_delivery set next_attempt_at = :at where id = :id and state = 'PENDING'")
                .bind("id", deliveryId).bind("at", utc(at)).then();
    }

    Mono<Void> logAttempt(Due due, Instant at, Integer statusCode, String error, int millis) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        insert into webhook_attempt (delivery_id, attempt, at, status_code, error, millis)
                        values (:delivery, :attempt, :at, :status, :error, :millis)""")
                .bind("delivery", due.id()).bind("attempt", due.attempts() + 1).bind("at", utc(at)).bind("millis", millis);
        spec = nullable(spec, "status", statusCode, Integer.class);
        spec = nullable(spec, "error", error, String.class);
        return spec.then();
    }

    Mono<Void> delivered(Due due, int statusCode, Instant at) {
        return db.sql("""
                        update webhook_delivery set state = 'DELIVERED', attempts = attempts + 1, last_status = :status,
                            last_error = null, delivered_at = :at
                        where id = :id""")
                .bind("id", due.id()).bind("status", statusCode).bind("at", utc(at)).then()
                .then(db.sql("update webhook_subscription set failed_in_a_row = 0 where id = :id and failed_in_a_row <> 0")
                        .bind("id", due.subscriptionId()).then());
    }

    Mono<Void> retryLater(Due due, Integer statusCode, String error, Instant retryAt) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        update webhook_delivery set attempts = attempts + 1, last_status = :status, last_error = :error,
                            next_attempt_at = :retryAt
                        where id = :id""")
                .bind("id", due.id()).bind("retryAt", utc(retryAt));
        spec = nullable(spec, "status", statusCode, Integer.class);
        spec = nullable(spec, "error", error, String.class);
        return spec.then();
    }

    /** Gives the delivery up; answers how many deliveries of its subscription have now failed in a row. */
    Mono<Integer> gaveUp(Due due, Integer statusCode, String error) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        update webhook_delivery set state = 'FAILED', attempts = attempts + 1, last_status = :status,
                            last_error = :error
                        where id = :id""")
                .bind("id", due.id());
        spec = nullable(spec, "status", statusCode, Integer.class);
        spec = nullable(spec, "error", error, String.class);
        return spec.then().then(db.sql("""
                        update webhook_subscription set failed_in_a_row = failed_in_a_row + 1 where id = :id
                        returning failed_in_a_row""")
                .bind("id", due.subscriptionId()).map(row -> row.get(0, Integer.class)).one());
    }

    Flux<Delivery> deliveries(UUID subscriptionId, int limit) {
        return db.sql("""
                        select id, event_id, ce_type, state, attempts, created_at, delivered_at, next_attempt_at
                        from webhook_delivery where subscription_id = :id order by id desc limit :limit""")
                .bind("id", subscriptionId).bind("limit", limit)
                .map(row -> new Delivery(row.get("id", Long.class), row.get("event_id", UUID.class), row.get("ce_type", String.class),
                        row.get("state", String.class), row.get("attempts", Integer.class), instant(row, "created_at"),
                        instant(row, "delivered_at"), "PENDING".equals(row.get("state", String.class)) ? instant(row, "next_attempt_at") : null,
                        List.of()))
                .all()
                .collectList()
                .flatMapMany(found -> attempts(found.stream().map(Delivery::id).toArray(Long[]::new))
                        .map(byDelivery -> found.stream().map(d -> new Delivery(d.id(), d.eventId(), d.type(), d.state(), d.attempts(),
                                d.createdAt(), d.deliveredAt(), d.nextAttemptAt(), byDelivery.getOrDefault(d.id(), List.of()))).toList())
                        .flatMapIterable(list -> list));
    }

    /** The attempts of these deliveries in one query, by delivery. */
    private Mono<Map<Long, List<Attempt>>> attempts(Long[] deliveryIds) {
        return db.sql("""
                        select delivery_id, attempt, at, status_code, error, millis from webhook_attempt
                        where delivery_id = any(:ids) order by id""")
                .bind("ids", deliveryIds)
                .map(row -> Map.entry(row.get("delivery_id", Long.class), new Attempt(row.get("attempt", Integer.class),
                        instant(row, "at"), row.get("status_code", Integer.class), row.get("error", String.class),
                        row.get("millis", Integer.class))))
                .all()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    private static Subscription subscription(Readable row) {
        return new Subscription(row.get("id", UUID.class), row.get("owner", String.class), role(row.get("owner_role", String.class)),
                row.get("owner_entity", String.class), row.get("url", String.class), Arrays.asList(row.get("event_types", String[].class)),
                row.get("secret", String.class), row.get("previous_secret", String.class), instant(row, "previous_secret_until"),
                row.get("contact_email", String.class), Subscription.Status.valueOf(row.get("status", String.class)),
                row.get("failed_in_a_row", Integer.class), row.get("paused_reason", String.class), instant(row, "created_at"),
                row.get("approved_by", String.class), instant(row, "approved_at"), instant(row, "expires_at"));
    }

    /** A role this version knows, else none (a subscription of an unknown role receives nothing). */
    private static Role role(String name) {
        for (Role role : Role.values()) {
            if (role.name().equals(name)) {
                return role;
            }
        }
        return null;
    }

    private static Instant instant(Readable row, String column) {
        OffsetDateTime value = row.get(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
