-- The case handler's searches: "my cases" (the assigned handler); entity, status, next deadline and opened_at are
-- indexed already.
alter table redeployment_case add column assigned_to text;
create index case_assigned_to on redeployment_case (assigned_to) where assigned_to is not null;
