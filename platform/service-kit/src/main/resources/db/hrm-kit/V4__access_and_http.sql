-- R-ACC-2/3: a history line says in what capacity someone acted for whom (a deputy, HR on a manager's behalf).
alter table audit_entry add column capacity text;
alter table audit_entry add column on_behalf_of text;

-- R-ACC-1: master data applied out of order never overwrites newer data; as_of is the time of the change the row holds.
alter table employee add column as_of timestamptz;
-- R-EVA-6: master data may say someone holds a management post (absent: as their reports show)
alter table employee add column manager boolean;

-- R-ACC-3: deputies of line managers, each for a period (both days included), fed by hrm.workbench.events.
create table deputy (
    delegation_id  uuid        primary key,
    manager_id     text        not null,
    deputy_id      text        not null,
    starts_on      date        not null,
    ends_on        date        not null,
    as_of          timestamptz not null
);
create index deputy_deputy on deputy (deputy_id, starts_on, ends_on);
create index deputy_manager on deputy (manager_id);

-- Idempotency-Key on POST: the first answer to a caller's key, replayed for a repeat within 24 hours.
create table idempotency_key (
    subject       text        not null,
    key           text        not null,
    request_hash  text        not null,
    status        int,
    content_type  text,
    location      text,
    etag          text,
    body          bytea,
    created_at    timestamptz not null default now(),
    completed_at  timestamptz,
    primary key (subject, key)
);
create index idempotency_key_created on idempotency_key (created_at);

-- Every event carries the decision it came from (who, in what capacity, what, why) as CloudEvents extensions.
alter table outbox_event add column actor_subject text;
alter table outbox_event add column actor_employee_id text;
alter table outbox_event add column actor_capacity text;
alter table outbox_event add column on_behalf_of text;
alter table outbox_event add column action text;
alter table outbox_event add column reason text;
