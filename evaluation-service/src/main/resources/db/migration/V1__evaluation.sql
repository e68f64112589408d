-- An employee's evaluations and follow-up, stored whole as a document, with the columns queries need.
create table evaluation_file (
    employee_id      text primary key,
    line_manager_id  text,
    entity           text        not null,
    state            text        not null,
    mandated_on      date,
    reminder_due     date,
    document         jsonb       not null,
    version          int         not null
);
create index evaluation_file_line_manager on evaluation_file (line_manager_id);
create index evaluation_file_state_entity on evaluation_file (state, entity);
create index evaluation_file_reminder on evaluation_file (reminder_due) where reminder_due is not null;

create table probation (
    id               uuid primary key,
    employee_id      text        not null,
    line_manager_id  text,
    entity           text        not null,
    active           boolean     not null,
    reminder_due     date,
    document         jsonb       not null,
    version          int         not null
);
create unique index probation_one_active on probation (employee_id) where active;
create index probation_reminder on probation (reminder_due) where reminder_due is not null;
