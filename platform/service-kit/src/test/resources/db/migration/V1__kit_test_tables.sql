create table note (
    id   uuid primary key,
    text text not null
);

create table employee_copy (
    employee_id   text primary key,
    name          text not null,
    grade         text not null,
    applied_count int  not null
);
