package org.hrmobility.notification.inbox;

import static org.hrmobility.kit.db.Binds.column;
import static org.hrmobility.kit.db.Binds.utc;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.hrmobility.notification.message.Message;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code notification} table: written once per event and recipient, read per inbox. */
@Repository
public class NotificationRepository {

    private static final String COLUMNS = """
            id, event_id, recipient, ce_type, about_employee, entity, language, title, expected, due_on, link, created_at,
            read_at, email_state, email_to""";

    private final DatabaseClient db;

    NotificationRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Stores it unless this event already notified this recipient; true if stored. */
    public Mono<Boolean> insertOnce(Notification n) {
        return insertAllOnce(List.of(n)).map(stored -> stored == 1);
    }

    /**
     * Stores these in one statement, but those whose event already notified their recipient.
     *
     * @return how many were stored
     */
    public Mono<Long> insertAllOnce(List<Notification> all) {
        if (all.isEmpty()) {
            return Mono.just(0L);
        }
        // one array per column, unnested into rows: a batch of events costs one statement, not one per notification
        return db.sql("""
                        insert into notification (id, event_id, recipient, ce_type, about_employee, entity, language, title,
                                                  expected, due_on, link, created_at, email_state, email_to, email_next_at)
                        select cast(n.id as uuid), cast(n.event_id as uuid), n.recipient, n.ce_type, n.about, n.entity, n.language,
                               n.title, n.expected, cast(n.due as date), n.link, cast(n.created_at as timestamptz), n.email_state,
                               n.email_to, cast(n.created_at as timestamptz)
                        from unnest(:id, :eventId, :recipient, :type, :about, :entity, :language, :title, :expected, :due, :link,
                                    :createdAt, :emailState, :emailTo)
                             as n (id, event_id, recipient, ce_type, about, entity, language, title, expected, due, link,
                                   created_at, email_state, email_to)
                        on conflict (event_id, recipient) do nothing""")
                .bind("id", column(all, Notification::id))
                .bind("eventId", column(all, Notification::eventId))
                .bind("recipient", column(all, Notification::recipient))
                .bind("type", column(all, Notification::ceType))
                .bind("about", column(all, Notification::aboutEmployee))
                .bind("entity", column(all, Notification::entity))
                .bind("language", column(all, Notification::language))
                .bind("title", column(all, n -> n.message().title()))
                .bind("expected", column(all, n -> n.message().expected()))
                .bind("due", column(all, n -> n.message().dueOn()))
                .bind("link", column(all, n -> n.message().link()))
                .bind("createdAt", column(all, Notification::createdAt))
                .bind("emailState", column(all, Notification::emailState))
                .bind("emailTo", column(all, Notification::emailTo))
                .fetch().rowsUpdated();
    }

    public Flux<Notification> page(List<String> readers, boolean unreadOnly, int page, int size) {
        return db.sql("select " + COLUMNS + " from notification where recipient = any(:readers)"
                        + (unreadOnly ? " and read_at is null" : "") + " order by created_at desc, id limit :limit offset :offset")
                .bind("readers", readers.toArray(String[]::new)).bind("limit", size).bind("offset", (long) page * size)
                .map(NotificationRepository::read).all();
    }

    public Mono<Long> count(List<String> readers, boolean unreadOnly) {
        return db.sql("select count(*) from notification where recipient = any(:readers)" + (unreadOnly ? " and read_at is null" : ""))
                .bind("readers", readers.toArray(String[]::new)).map(row -> row.get(0, Long.class)).one();
    }

    /** Marks it read if it is one of these readers'; empty when it is not theirs (or does not exist). */
    public Mono<Notification> markRead(UUID id, List<String> readers, Instant at) {
        return db.sql("update notification set read_at = coalesce(read_at, :at) where id = :id and recipient = any(:readers) returning "
                        + COLUMNS)
                .bind("at", utc(at)).bind("id", id).bind("readers", readers.toArray(String[]::new))
                .map(NotificationRepository::read).one();
    }

    public Mono<Notification> find(UUID id) {
        return db.sql("select " + COLUMNS + " from notification where id = :id").bind("id", id)
                .map(NotificationRepository::read).one();
    }

    /**
     * These readers' notifications from the given one's time on, but for that one, oldest first: what a reconnecting
     * stream missed (one event can notify a reader twice at the same instant, as a person and as a case handler).
     */
    public Flux<Notification> after(UUID lastSeen, List<String> readers) {
        return db.sql("select " + COLUMNS + " from notification where recipient = any(:readers) and id <> :last"
                        + " and created_at >= (select created_at from notification where id = :last) order by created_at, id limit 500")
                .bind("readers", readers.toArray(String[]::new)).bind("last", lastSeen)
                .map(NotificationRepository::read).all();
    }

    /** These readers' notifications created from {@code from} on, oldest first: what a stream may have missed. */
    public Flux<Notification> since(Instant from, List<String> readers) {
        return db.sql("select " + COLUMNS + " from notification where recipient = any(:readers) and created_at >= :from"
                        + " order by created_at, id limit 500")
                .bind("readers", readers.toArray(String[]::new)).bind("from", from)
                .map(NotificationRepository::read).all();
    }

    static Notification read(Readable row) {
        OffsetDateTime readAt = row.get("read_at", OffsetDateTime.class);
        return new Notification(row.get("id", UUID.class), row.get("event_id", UUID.class), row.get("recipient", String.class),
                row.get("ce_type", String.class), row.get("about_employee", String.class), row.get("entity", String.class),
                row.get("language", String.class),
                new Message(row.get("title", String.class), row.get("expected", String.class),
                        row.get("due_on", LocalDate.class), row.get("link", String.class)),
                row.get("created_at", OffsetDateTime.class).toInstant(), readAt == null ? null : readAt.toInstant(),
                Notification.EmailState.valueOf(row.get("email_state", String.class)), row.get("email_to", String.class));
    }
}
