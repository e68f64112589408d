package org.hrmobility.notification.email;

import static org.hrmobility.kit.db.Binds.nullable;
import static org.hrmobility.kit.db.Binds.utc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hrmobility.notification.message.Message;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The e-mail side of the {@code notification} table: what is due to be sent, and what became of it. */
@Repository
class EmailQueue {

    /**
     * A notification to e-mail, with its address: {@code email_to} when it names one, else the recipient's in master
     * data, read when it is sent (master data may have arrived after the event); null when there is none.
     */
    record Mail(UUID id, String address, String language, Message message, int attempts) {
    }

    private static final String MAIL_COLUMNS = """
            n.id, n.language, n.title, n.expected, n.due_on, n.link, n.email_attempts,
            coalesce(n.email_to, (select nullif(e.email, '') from hrm_kit.employee e
                                  where n.recipient like 'person:%' and e.employee_id = substr(n.recipient, 8))) as address""";

    private final DatabaseClient db;

    EmailQueue(DatabaseClient db) {
        this.db = db;
    }

    /** Leases due e-mails until {@code lease}, so no other instance sends them meanwhile. */
    Flux<Mail> claimDue(Instant now, Instant lease, int limit) {
        return db.sql("update notification n set email_next_at = :lease where n.id in (select id from notification"
                        + " where email_state = 'PENDING' and email_next_at <= :now order by email_next_at limit :limit"
                        + " for update skip locked) returning " + MAIL_COLUMNS)
                .bind("now", utc(now)).bind("lease", utc(lease)).bind("limit", limit)
                .map(EmailQueue::mail).all();
    }

    /** Marks these e-mails in one statement: SENT, SKIPPED or FAILED, with the error when there is one. */
    Mono<Void> mark(List<UUID> ids, String state, String error) {
        if (ids.isEmpty()) {
            return Mono.empty();
        }
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        update notification set email_state = :state, email_attempts = email_attempts + 1, email_error = :error
                        where id = any(:ids)""")
                .bind("ids", ids.toArray(UUID[]::new)).bind("state", state);
        spec = nullable(spec, "error", error, String.class);
        return spec.then();
    }

    Mono<Void> retryLater(UUID id, String error, Instant at) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        update notification set email_attempts = email_attempts + 1, email_error = :error, email_next_at = :at
                        where id = :id""")
                .bind("id", id).bind("at", utc(at));
        spec = nullable(spec, "error", error, String.class);
        return spec.then();
    }

    /** Who has digest notifications from before the cut-off and had no digest yet on this day. */
    Flux<String> digestRecipients(Instant cutoff, LocalDate day) {
        return db.sql("""
                        select distinct n.recipient from notification n
                        where n.email_state = 'DIGEST' and n.created_at < :cutoff
                          and not exists (select 1 from digest_sent d where d.person = n.recipient and d.day = :day)""")
                .bind("cutoff", utc(cutoff)).bind("day", day).map(row -> row.get(0, String.class)).all();
    }

    Flux<Mail> digestOf(String recipient, Instant cutoff) {
        return db.sql("select " + MAIL_COLUMNS + " from notification n where n.recipient = :recipient and n.email_state = 'DIGEST'"
                        + " and n.created_at < :cutoff order by n.created_at")
                .bind("recipient", recipient).bind("cutoff", utc(cutoff)).map(EmailQueue::mail).all();
    }

    /** Claims this person's digest of the day; false when it is already someone's (another instance, an earlier check). */
    Mono<Boolean> claimDigest(String recipient, LocalDate day, Instant at) {
        return db.sql("insert into digest_sent (person, day, sent_at) values (:recipient, :day, :at) on conflict do nothing")
                .bind("recipient", recipient).bind("day", day).bind("at", utc(at)).fetch().rowsUpdated().map(rows -> rows == 1);
    }

    /** Gives the claim back after a failed send, so the next check tries again. */
    Mono<Void> releaseDigest(String recipient, LocalDate day) {
        return db.sql("delete from digest_sent where person = :recipient and day = :day")
                .bind("recipient", recipient).bind("day", day).then();
    }

    /** Marks what the digest held: SENT, or SKIPPED when the person has no address. */
    Mono<Void> markDigest(String recipient, Instant cutoff, String state) {
        return db.sql("""
                        update notification set email_state = :state, email_attempts = email_attempts + 1
                        where recipient = :recipient and email_state = 'DIGEST' and created_at < :cutoff""")
                .bind("state", state).bind("recipient", recipient).bind("cutoff", utc(cutoff)).then();
    }

    private static Mail mail(Readable row) {
        return new Mail(row.get("id", UUID.class), row.get("address", String.class),
                row.get("language", String.class),
                new Message(row.get("title", String.class), row.get("expected", String.class), row.get("due_on", LocalDate.class),
                        row.get("link", String.class)),
                row.get("email_attempts", Integer.class));
    }
}
