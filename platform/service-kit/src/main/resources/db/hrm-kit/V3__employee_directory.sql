-- Each service's own copy of master data, fed by hrm.employees: services never call each other to read it.
create table employee (
    employee_id     text primary key,
    name            text,
    email           text,
    entity          text        not null,
    grade           text        not null,
    contract_type   text,
    line_manager_id text,
    job_family      text,
    competences     text[]      not null default '{}',
    language        text        not null default 'nl',
    updated_at      timestamptz not null default now()
);
create index employee_line_manager on employee (line_manager_id);
create index employee_entity on employee (entity);
