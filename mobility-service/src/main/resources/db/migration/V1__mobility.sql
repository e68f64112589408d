-- Every mobility record (call, application, secondment, inbound transfer, talent offer and request, allowance)
-- is a document with the columns that access checks, lists, reminders and figures query.
create table mobility_record (
    id               uuid primary key,
    kind             text        not null,
    employee_id      text,
    line_manager_id  text,
    entity           text,
    status           text,
    parent_id        uuid,
    due_on           date,
    amount_cents     bigint,
    created_at       timestamptz not null default now(),
    document         jsonb       not null,
    version          int         not null
);
create index mobility_record_kind_status on mobility_record (kind, status);
create index mobility_record_employee on mobility_record (employee_id);
create index mobility_record_line_manager on mobility_record (line_manager_id);
create index mobility_record_parent on mobility_record (parent_id) where parent_id is not null;
create index mobility_record_due on mobility_record (due_on) where due_on is not null;

-- R-MOB-8: the marketplace is searched by skill and period; thousands of offers stay fast with these indexes.
create table talent_offer_search (
    offer_id        uuid primary key references mobility_record (id),
    employee_id     text    not null,
    skills          text[]  not null,
    share_percent   int     not null,
    available_from  date    not null,
    available_to    date    not null,
    published       boolean not null
);
create index talent_offer_search_skills on talent_offer_search using gin (skills);
create index talent_offer_search_period on talent_offer_search (available_to, available_from) where published;
