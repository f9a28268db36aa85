-- notifications: reminder mails. A registration gets one mail per kind and ref: the day for day reminders
-- (2026-05-14), the session code for the 15-minute nudge, '' for the mails that come once. Exactly-once
-- delivery of reminders rests on this index (inserts use ON CONFLICT DO NOTHING), whatever the scheduler does.
ALTER TABLE mail_outbox ADD COLUMN ref text NOT NULL DEFAULT '';
DROP INDEX mail_outbox_once;
CREATE UNIQUE INDEX mail_outbox_once ON mail_outbox (registration_id, kind, ref);
-- the organizer's view counts an event's reminders of one kind and day
CREATE INDEX mail_outbox_reminders ON mail_outbox (event_id, kind, ref) WHERE ref <> '';

-- one row per reminder that ran (or was dropped because its moment had passed while nobody could send it);
-- its primary key is also what makes a second run of the same reminder do nothing
CREATE TABLE reminder_run (
    event_id bigint      NOT NULL REFERENCES event (id),
    kind     text        NOT NULL,
    day      date        NOT NULL,
    ran_at   timestamptz NOT NULL,
    queued   integer     NOT NULL DEFAULT 0,
    dropped  integer     NOT NULL DEFAULT 0,
    outcome  text        NOT NULL,
    PRIMARY KEY (event_id, kind, day)
);
