-- The kit's own tables live in schema hrm_kit with their own migration history, so a service's
-- migrations (schema public) and the kit's are versioned independently.

create table outbox_event (
    id           bigserial   primary key,
    event_id     uuid        not null unique,
    topic        text        not null,
    message_key  text        not null,
    ce_type      text        not null,
    ce_source    text        not null,
    ce_subject   text,
    occurred_at  timestamptz not null,
    traceparent  text,
    payload      jsonb       not null,
    created_at   timestamptz not null default clock_timestamp(),
    sent_at      timestamptz
);

-- the relay reads unsent rows in id order; the purge deletes old sent ones
create index outbox_event_unsent on outbox_event (id) where sent_at is null;
create index outbox_event_sent_at on outbox_event (sent_at) where sent_at is not null;

-- NOTIFY is delivered at commit, so the relay wakes exactly when new events become visible
create function notify_outbox() returns trigger language plpgsql as $$
begin
    perform pg_notify('hrm_outbox', '');
    return null;
end
$$;

create trigger outbox_event_notify
    after insert on outbox_event
    for each statement execute function notify_outbox();

create table inbox_event (
    consumer     text        not null,
    event_id     uuid        not null,
    ce_type      text        not null,
    received_at  timestamptz not null default clock_timestamp(),
    primary key (consumer, event_id)
);
