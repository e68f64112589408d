-- Master data is the kit's employee directory (hrm_kit.employee), fed by hrm.employees.

-- A case is stored whole as a document (state), with the columns that queries, access checks and figures need.
create table redeployment_case (
    id                 uuid primary key,
    employee_id        text        not null,
    line_manager_id    text,
    entity             text        not null,
    status             text        not null,
    opened_at          timestamptz not null,
    registered_at      timestamptz,
    placed_at          timestamptz,
    placed_ex_officio  boolean,
    refusals           int         not null default 0,
    next_deadline      date,
    state              jsonb       not null,
    version            int         not null
);
create index case_employee on redeployment_case (employee_id);
create index case_line_manager on redeployment_case (line_manager_id);
create index case_status_entity on redeployment_case (status, entity);
create index case_next_deadline on redeployment_case (next_deadline) where next_deadline is not null;
-- one case at a time per employee
create unique index case_one_active_per_employee on redeployment_case (employee_id)
    where status in ('OPENED', 'IN_POOL', 'INTERNAL_TRAJECTORY');

-- The history of each case is the kit's audit trail (hrm_kit.audit_entry, aggregate type redeployment-case).

create table vacancy (
    vacancy_id          text primary key,
    recruitment_system  text        not null,
    title               text        not null,
    entity              text        not null,
    grade               text        not null,
    job_family          text,
    competences         text[]      not null default '{}',
    closes_on           date,
    status              text        not null,
    filled_by_case      uuid,
    published_at        timestamptz not null,
    version             int         not null default 0
);
