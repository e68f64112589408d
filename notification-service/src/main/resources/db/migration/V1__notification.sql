-- One row per event and recipient: the unique key is what makes a redelivered event notify nobody twice.
-- A recipient is a person ('person:<employee id>'), the case handlers of an entity ('team:<entity>') or a
-- machine client ('client:<subject>').
create table notification (
    id             uuid        primary key,
    event_id       uuid        not null,
    recipient      text        not null,
    ce_type        text        not null,
    about_employee text,
    entity         text,
    language       text        not null,
    title          text        not null,
    expected       text,
    due_on         date,
    link           text,
    created_at     timestamptz not null,
    read_at        timestamptz,
    -- e-mail of this notification: NONE (no e-mail for this recipient), PENDING, DIGEST (waits for the daily digest),
    -- SENT, SKIPPED (no address), FAILED (gave up after the attempts)
    email_to       text,
    email_state    text        not null default 'NONE',
    email_attempts int         not null default 0,
    email_next_at  timestamptz,
    email_error    text,
    unique (event_id, recipient)
);
create index notification_inbox on notification (recipient, created_at desc);
create index notification_unread on notification (recipient, created_at desc) where read_at is null;
create index notification_email_due on notification (email_next_at) where email_state = 'PENDING';
create index notification_digest on notification (recipient, created_at) where email_state = 'DIGEST';

-- NOTIFY is delivered at commit, so every instance pushes a notification to its live streams exactly when it is
-- visible; the payload names the recipient so instances without a listener for it skip the read.
create function notify_notification() returns trigger language plpgsql as $$
begin
    perform pg_notify('hrm_notification', new.recipient || ' ' || new.id::text);
    return null;
end
$$;
create trigger notification_notify after insert on notification
    for each row execute function notify_notification();

-- Per person: e-mail one by one, as a daily digest, or not at all; the inbox and its stream always.
create table preference (
    person      text        primary key,
    email_mode  text        not null,
    language    text,
    updated_at  timestamptz not null
);

create table digest_sent (
    person      text        not null,
    day         date        not null,
    sent_at     timestamptz not null,
    primary key (person, day)
);

-- Webhooks of machine clients (and HR systems of case handlers): signed deliveries per event type.
create table webhook_subscription (
    id                   uuid        primary key,
    owner                text        not null,
    owner_role           text        not null,
    url                  text        not null,
    event_types          text[]      not null,
    secret               text        not null,
    contact_email        text,
    status               text        not null,
    failed_in_a_row      int         not null default 0,
    paused_reason        text,
    created_at           timestamptz not null,
    updated_at           timestamptz not null
);
create index webhook_subscription_owner on webhook_subscription (owner);
create index webhook_subscription_types on webhook_subscription using gin (event_types) where status <> 'DELETED';

-- One delivery per subscription and event, retried with backoff until delivered or out of attempts.
create table webhook_delivery (
    id               bigserial   primary key,
    subscription_id  uuid        not null references webhook_subscription (id),
    event_id         uuid        not null,
    ce_type          text        not null,
    body             text        not null,
    state            text        not null,
    attempts         int         not null default 0,
    next_attempt_at  timestamptz not null,
    last_status      int,
    last_error       text,
    created_at       timestamptz not null,
    delivered_at     timestamptz,
    unique (subscription_id, event_id)
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where state = 'PENDING';

-- The delivery log: every attempt, with its answer.
create table webhook_attempt (
    id            bigserial   primary key,
    delivery_id   bigint      not null references webhook_delivery (id),
    attempt       int         not null,
    at            timestamptz not null,
    status_code   int,
    error         text,
    millis        int         not null
);
create index webhook_attempt_delivery on webhook_attempt (delivery_id, id);
