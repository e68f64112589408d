-- Webhooks as a way out of the suite, bounded (see WebhookController):
--  * owner_entity: the entity of a case handler's token when subscribing; their subscription hears only of it;
--  * approved_by/approved_at: a case handler's subscription is approved by another case handler of that entity
--    (status PENDING_APPROVAL until then);
--  * expires_at: every subscription runs for a lifetime and is renewed by its owner with a fresh token (EXPIRED after);
--  * secret now holds the signing secret encrypted (AES-GCM, 'v1:<key id>:...'); the service encrypts the plain-text
--    secrets stored before at start (SecretResealing), since only it holds the keys;
--  * previous_secret/previous_secret_until: after a rotation, the old secret (encrypted) also signs until then.
alter table webhook_subscription
    add column owner_entity          text,
    add column approved_by           text,
    add column approved_at           timestamptz,
    add column expires_at            timestamptz,
    add column previous_secret       text,
    add column previous_secret_until timestamptz;

-- subscriptions made before run for the default lifetime from now
update webhook_subscription set expires_at = now() + interval '90 days' where expires_at is null;
alter table webhook_subscription alter column expires_at set not null;

-- A case handler's subscription made before followed every entity and was approved by nobody: it stops, and what it
-- had queued (of any entity) is cancelled. Its owner renews it with a fresh token, which records their entity, and
-- another case handler of that entity approves it.
update webhook_delivery set state = 'CANCELLED'
where state in ('PENDING', 'FAILED')
  and subscription_id in (select id from webhook_subscription where owner_role = 'HR_CASE_HANDLER' and owner_entity is null);
update webhook_subscription
set status = 'EXPIRED', updated_at = now(),
    paused_reason = 'made before webhooks were limited to one entity and approved by a second case handler: renew it, then have it approved'
where owner_role = 'HR_CASE_HANDLER' and owner_entity is null and status in ('ACTIVE', 'PAUSED');

create index webhook_subscription_awaiting_approval on webhook_subscription (owner_entity, created_at)
    where status = 'PENDING_APPROVAL';
create index webhook_subscription_expiry on webhook_subscription (expires_at)
    where status in ('ACTIVE', 'PAUSED', 'PENDING_APPROVAL');
