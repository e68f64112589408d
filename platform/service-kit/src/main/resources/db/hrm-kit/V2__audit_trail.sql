-- Append-only history of every decision: who, when, what and why, per aggregate (a case, an employee's file).
create table audit_entry (
    id                bigserial   primary key,
    aggregate_type    text        not null,
    aggregate_id      text        not null,
    at                timestamptz not null,
    actor_subject     text        not null,
    actor_employee_id text,
    action            text        not null,
    detail            text
);
create index audit_entry_aggregate on audit_entry (aggregate_type, aggregate_id, id);
