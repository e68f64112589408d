-- the inbox is purged by age (InboxPurge): find old rows without reading the table
create index inbox_event_received_at on inbox_event (received_at);
