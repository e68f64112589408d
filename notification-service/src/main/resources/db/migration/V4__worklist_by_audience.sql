-- The worklist reads each audience's open items through an index of its own (WorkItems.where): the case handlers'
-- by audience, the line managers' and employees' by the employee they are about.
create index work_item_open_audience on work_item (audience, subject_id) where open;
drop index if exists work_item_due;
