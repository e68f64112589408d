-- The kit's document store: a table per aggregate type (id, subject_id: whose file it is, declared columns, the
-- document with its schema version, version from 1) instead of one table of generic columns for seven kinds.
-- Access follows today's master data (hrm_kit.employee): the line manager is no longer copied into the records.

create table call (
    id uuid primary key, subject_id text,
    status text not null, programme text not null, opens_on date not null, closes_on date not null,
    document jsonb not null, schema_version int not null, version int not null,
    created_at timestamptz not null default now(), updated_at timestamptz not null default now());
insert into call (id, status, programme, opens_on, closes_on, document, schema_version, version, created_at)
select id, coalesce(document ->> 'status', 'OPEN'), document ->> 'programme', (document ->> 'opensOn')::date,
       (document ->> 'closesOn')::date, document, 1, version, created_at
from mobility_record where kind = 'call';
create index call_window on call (closes_on, opens_on);

create table application (
    id uuid primary key, subject_id text not null,
    call_id uuid not null, status text not null, entity text, starts_on date not null, waiting_on_host_since timestamptz,
    central_share_cents bigint not null default 0,
    document jsonb not null, schema_version int not null, version int not null,
    created_at timestamptz not null default now(), updated_at timestamptz not null default now());
insert into application (id, subject_id, call_id, status, entity, starts_on, waiting_on_host_since, central_share_cents, document,
                         schema_version, version, created_at)
select id, employee_id, parent_id, status, entity, (document -> 'stay' ->> 'startsOn')::date,
       (document ->> 'waitingOnHostSince')::timestamptz, case when status = 'APPROVED' then coalesce(amount_cents, 0) else 0 end,
       document, 1, version, created_at
from mobility_record where kind = 'application';
create index application_subject on application (subject_id);
create index application_call on application (call_id);
create index application_status_entity on application (status, entity);

create table secondment (
    id uuid primary key, subject_id text not null,
    status text not null, entity text, host text not null, starts_on date not null, ends_on date not null, calendar_due date,
    central_share_cents bigint not null default 0,
    document jsonb not null, schema_version int not null, version int not null,
    created_at timestamptz not null default now(), updated_at timestamptz not null default now());
insert into secondment (id, subject_id, status, entity, host, starts_on, ends_on, calendar_due, document, schema_version, version,
                        created_at)
select id, employee_id, status, entity, document ->> 'host', (document ->> 'startsOn')::date, (document ->> 'endsOn')::date,
       case when status = 'ACTIVE' then (document ->> 'endsOn')::date + 1 end, document, 1, version, created_at
from mobility_record where kind = 'secondment';
create index secondment_subject on secondment (subject_id);
create index secondment_period on secondment (starts_on, ends_on);
create index secondment_calendar on secondment (calendar_due) where calendar_due is not null;

create table inbound_transfer (
    id uuid primary key, subject_id text,
    entity text not null, origin text not null, starts_on date not null,
    document jsonb not null, schema_version int not null, version int not null,
    created_at timestamptz not null default now(), updated_at timestamptz not null default now());
insert into inbound_transfer (id, entity, origin, starts_on, document, schema_version, version, created_at)
select id, document ->> 'entity', document ->> 'origin', (document ->> 'startsOn')::date, document, 1, version, created_at
from mobility_record where kind = 'inbound-transfer';

-- R-MOB-8: offers are searched by skill (GIN) and period among the published ones.
create table talent_offer (
    id uuid primary key, subject_id text not null,
    status text not null, entity text, skills text[] not null, available_from date not null, available_to date not null,
    document jsonb not null, schema_version int not null, version int not null,
    created_at timestamptz not null default now(), updated_at timestamptz not null default now());
insert into talent_offer (id, subject_id, status, entity, skills, available_from, available_to, document, schema_version, version,
                          created_at)
select id, employee_id, status, entity, array(select jsonb_array_elements_text(document -> 'skills')),
       (document ->> 'availableFrom')::date, (document ->> 'availableTo')::date, document, 1, version, created_at
from mobility_record where kind = 'talent-offer';
create index talent_offer_subject on talent_offer (subject_id);
create index talent_offer_skills on talent_offer using gin (skills);
create index talent_offer_period on talent_offer (available_to, available_from) where status = 'PUBLISHED';

create table talent_request (
    id uuid primary key, subject_id text not null,
    status text not null, entity text, skills text[] not null, needed_from date not null, needed_to date not null,
    document jsonb not null, schema_version int not null, version int not null,
    created_at timestamptz not null default now(), updated_at timestamptz not null default now());
insert into talent_request (id, subject_id, status, entity, skills, needed_from, needed_to, document, schema_version, version,
                            created_at)
select id, employee_id, case when status = 'ASSIGNED' then 'ASSIGNED' else 'OPEN' end, entity,
       array(select jsonb_array_elements_text(document -> 'skills')), (document ->> 'neededFrom')::date,
       (document ->> 'neededTo')::date, document, 1, version, created_at
from mobility_record where kind = 'talent-request';
create index talent_request_skills on talent_request using gin (skills);

create table allowance (
    id uuid primary key, subject_id text not null,
    status text not null, entity text, ends_on date not null, reminder_due date,
    document jsonb not null, schema_version int not null, version int not null,
    created_at timestamptz not null default now(), updated_at timestamptz not null default now());
insert into allowance (id, subject_id, status, entity, ends_on, reminder_due, document, schema_version, version, created_at)
select id, employee_id, 'GRANTED', entity, (document ->> 'endsOn')::date, due_on, document, 1, version, created_at
from mobility_record where kind = 'allowance';
create index allowance_subject on allowance (subject_id);
create index allowance_ends_on on allowance (ends_on);
create index allowance_reminder on allowance (reminder_due) where reminder_due is not null;

drop table talent_offer_search;
drop table mobility_record;
