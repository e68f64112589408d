package org.hrmobility.kit.web;

import static org.hrmobility.kit.db.Binds.nullable;

import java.time.Duration;

import org.springframework.r2dbc.core.DatabaseClient;

import reactor.core.publisher.Mono;

/**
 * The answers kept for {@code Idempotency-Key}s, per caller, in the service's own database: claimed when a request
 * starts, completed with its answer, forgotten after the retention (24 hours) or when the request failed on the
 * server's side (so a retry runs it again).
 */
public class IdempotencyKeys {

    /** A kept answer; {@code status} is null while the first request is still running. */
    record Answer(String requestHash, Integer status, String contentType, String location, String etag, byte[] body) {

        boolean isComplete() {
            return status != null;
        }
    }

    private final DatabaseClient db;
    private final Duration retention;

    public IdempotencyKeys(DatabaseClient db, Duration retention) {
        this.db = db;
        this.retention = retention;
    }

    /** True when this request is the first with this key (it runs); false when one came before. */
    Mono<Boolean> claim(String subject, String key, String requestHash) {
        return db.sql("""
                        with expired as (delete from hrm_kit.idempotency_key
                                         where subject = :subject and key = :key and created_at < now() - make_interval(secs => :retention))
                        insert into hrm_kit.idempotency_key (subject, key, request_hash) values (:subject, :key, :hash)
                        on conflict (subject, key) do nothing""")
                .bind("subject", subject).bind("key", key).bind("hash", requestHash)
                .bind("retention", (double) retention.toSeconds())
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    Mono<Answer> find(String subject, String key) {
        return db.sql("""
                        select request_hash, status, content_type, location, etag, body from hrm_kit.idempotency_key
                        where subject = :subject and key = :key""")
                .bind("subject", subject).bind("key", key)
                .map(row -> new Answer(row.get("request_hash", String.class), row.get("status", Integer.class),
                        row.get("content_type", String.class), row.get("location", String.class), row.get("etag", String.class),
                        row.get("body", byte[].class)))
                .one();
    }

    Mono<Void> complete(String subject, String key, int status, String contentType, String location, String etag, byte[] body) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        update hrm_kit.idempotency_key set status = :status, content_type = :contentType, location = :location,
                            etag = :etag, body = :body, completed_at = now()
                        where subject = :subject and key = :key""")
                .bind("subject", subject).bind("key", key).bind("status", status).bind("body", body);
        spec = nullable(spec, "contentType", contentType, String.class);
        spec = nullable(spec, "location", location, String.class);
        spec = nullable(spec, "etag", etag, String.class);
        return spec.then();
    }

    /** Gives the key back: the request failed on the server's side, and the client's retry should run it again. */
    Mono<Void> release(String subject, String key) {
        return db.sql("delete from hrm_kit.idempotency_key where subject = :subject and key = :key and status is null")
                .bind("subject", subject).bind("key", key).then();
    }

    /** Forgets the answers older than the retention; returns how many. */
    public Mono<Long> purge() {
        return db.sql("delete from hrm_kit.idempotency_key where created_at < now() - make_interval(secs => :retention)")
                .bind("retention", (double) retention.toSeconds())
                .fetch().rowsUpdated();
    }
}
