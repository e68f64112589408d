-- The workbench's read models, projected from the decision topics in the consuming transaction (and rebuilt from them).

-- The worklist: one row per kind of item and thing it is about, open or closed; version is the offset of the event that
-- last moved it (one thing's events share a key, hence a partition), so a change applies only when it is newer.
create table work_item (
    kind        text        not null,
    item_key    text        not null,
    audience    text        not null,
    open        boolean     not null,
    subject_id  text,
    entity      text,
    ce_type     text,
    fields      jsonb,
    due_on      date,
    opened_at   timestamptz,
    version     bigint      not null,
    updated_at  timestamptz not null default now(),
    primary key (kind, item_key)
);
create index work_item_subject on work_item (subject_id) where open;
create index work_item_entity on work_item (entity, audience) where open;
create index work_item_due on work_item (due_on) where open;

-- One timeline per employee: every decision event about them, with who decided, in what capacity, what and why.
create table timeline_entry (
    event_id          uuid        primary key,
    subject_id        text        not null,
    entity            text,
    ce_type           text        not null,
    at                timestamptz not null,
    actor             text,
    actor_employee_id text,
    capacity          text,
    on_behalf_of      text,
    action            text,
    reason            text,
    fields            jsonb       not null
);
create index timeline_subject on timeline_entry (subject_id, at desc);

-- R-ACC-3: line managers' deputies, the workbench's own aggregate (the kit's document store layout).
create table delegation (
    id              uuid        primary key,
    subject_id      text        not null,
    deputy_id       text        not null,
    starts_on       date        not null,
    ends_on         date        not null,
    revoked         boolean     not null,
    document        jsonb       not null,
    schema_version  int         not null,
    version         int         not null,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now()
);
create index delegation_manager on delegation (subject_id);
create index delegation_deputy on delegation (deputy_id);
