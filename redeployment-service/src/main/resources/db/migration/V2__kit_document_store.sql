-- The kit's document store: every aggregate table has subject_id (whose file it is), its declared columns, the
-- document with its schema version, and a version that starts at 1. Access follows today's master data
-- (hrm_kit.employee), so the line manager is no longer copied into the cases.
alter table redeployment_case rename column state to document;
alter table redeployment_case rename column employee_id to subject_id;
alter table redeployment_case drop column line_manager_id;
alter table redeployment_case add column schema_version int not null default 1;
alter table redeployment_case add column open_vacancy_id text;
alter table redeployment_case add column created_at timestamptz not null default now();
alter table redeployment_case add column updated_at timestamptz not null default now();
update redeployment_case set version = version + 1, created_at = opened_at,
    open_vacancy_id = (select o -> 'position' ->> 'vacancyId' from jsonb_array_elements(document -> 'offers') o
                       where o ->> 'status' = 'OPEN' limit 1);
alter table redeployment_case alter column schema_version drop default;
alter index case_employee rename to case_subject;
create index case_open_vacancy on redeployment_case (open_vacancy_id) where open_vacancy_id is not null;
create index case_opened_at on redeployment_case (opened_at);

-- Vacancies become documents too, with the columns their lists and the pool query need.
create table vacancy_document (
    id                  text        primary key,
    subject_id          text,
    recruitment_system  text        not null,
    status              text        not null,
    entity              text        not null,
    grade               text        not null,
    closes_on           date,
    published_at        timestamptz not null,
    filled_by_case      uuid,
    document            jsonb       not null,
    schema_version      int         not null,
    version             int         not null,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now()
);
insert into vacancy_document (id, recruitment_system, status, entity, grade, closes_on, published_at, filled_by_case, document,
                              schema_version, version, created_at)
select vacancy_id, recruitment_system, status, entity, grade, closes_on, published_at, filled_by_case,
       jsonb_build_object('vacancyId', vacancy_id, 'recruitmentSystem', recruitment_system, 'title', title, 'entity', entity,
                          'grade', grade, 'jobFamily', nullif(job_family, ''), 'competences', to_jsonb(competences),
                          'closesOn', closes_on, 'status', status, 'filledByCase', filled_by_case,
                          'publishedAt', to_char(published_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')),
       1, version + 1, published_at
from vacancy;
drop table vacancy;
alter table vacancy_document rename to vacancy;
alter index vacancy_document_pkey rename to vacancy_pkey;
create index vacancy_system_status on vacancy (recruitment_system, status);
create index vacancy_published_at on vacancy (published_at);
