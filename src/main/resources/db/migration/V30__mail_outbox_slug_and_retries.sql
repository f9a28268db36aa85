-- notifications: the registration events carry the event slug, so the worker keeps it and needs no
-- extra lookup; last_attempt_at says when a mail was last tried (its back-off runs from there).
-- Nothing wrote to mail_outbox before this version, so the new NOT NULL column needs no default.
ALTER TABLE mail_outbox ADD COLUMN event_slug text NOT NULL;
ALTER TABLE mail_outbox ADD COLUMN last_attempt_at timestamptz;

-- one mail of each kind per registration, even if an event were published twice; also serves the
-- foreign key to registration when registrations are deleted at the end of their retention period
CREATE UNIQUE INDEX mail_outbox_once ON mail_outbox (registration_id, kind);
