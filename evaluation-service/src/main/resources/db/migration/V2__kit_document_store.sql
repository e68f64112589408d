-- The kit's document store: id, subject_id (whose file it is), declared columns, document with its schema version,
-- version from 1. Access follows today's master data (hrm_kit.employee): the line manager is no longer copied here.
alter table evaluation_file rename column employee_id to id;
alter table evaluation_file add column subject_id text;
alter table evaluation_file drop column line_manager_id;
alter table evaluation_file add column schema_version int not null default 1;
alter table evaluation_file add column earliest_next date;
alter table evaluation_file add column evaluation_ids text[] not null default '{}';
alter table evaluation_file add column created_at timestamptz not null default now();
alter table evaluation_file add column updated_at timestamptz not null default now();
update evaluation_file set subject_id = id,
    evaluation_ids = array(select e ->> 'id' from jsonb_array_elements(document -> 'evaluations') e),
    earliest_next = case when state = 'FOLLOW_UP_OPEN' then (document -> 'followUp' ->> 'earliestNext')::date end;
alter table evaluation_file alter column schema_version drop default;
create index evaluation_file_subject on evaluation_file (subject_id);
create index evaluation_file_evaluations on evaluation_file using gin (evaluation_ids);
create index evaluation_file_earliest_next on evaluation_file (earliest_next) where earliest_next is not null;

alter table probation rename column employee_id to subject_id;
alter table probation drop column line_manager_id;
alter table probation add column ends_on date;
alter table probation add column schema_version int not null default 1;
alter table probation add column created_at timestamptz not null default now();
alter table probation add column updated_at timestamptz not null default now();
update probation set ends_on = (document ->> 'endsOn')::date;
alter table probation alter column ends_on set not null;
alter table probation alter column schema_version drop default;
create index probation_subject on probation (subject_id);
