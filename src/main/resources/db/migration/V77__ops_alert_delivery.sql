-- Alert delivery (ops module). An alert goes out once by mail and once per webhook, whatever the number of
-- instances or restarts: both outboxes are keyed by the alert's stable id (signal:subject:minute-opened).

-- mail: an organizer's alert mail has no registration; it is composed when queued (subject and bodies stored)
ALTER TABLE mail_outbox ALTER COLUMN registration_id DROP NOT NULL;
CREATE UNIQUE INDEX mail_outbox_staff_once ON mail_outbox (event_id, kind, ref, recipient) WHERE registration_id IS NULL;

-- where an event's alerts go (organizer API); without a row the settings confer.ops.alerts.* apply
CREATE TABLE ops_alert_route (
    event_id   bigint      PRIMARY KEY REFERENCES event (id),
    mail_to    text[]      NOT NULL DEFAULT '{}',
    webhook    text,
    language   text        NOT NULL DEFAULT 'ko',
    changed_at timestamptz NOT NULL DEFAULT now()
);

-- webhook outbox: claimed with FOR UPDATE SKIP LOCKED and a lease, retried with back-off, like mail_outbox
CREATE TABLE ops_webhook_outbox (
    id              bigserial   PRIMARY KEY,
    event_id        bigint      NOT NULL REFERENCES event (id),
    alert_id        text        NOT NULL,
    url             text        NOT NULL,
    payload         text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    claimed_until   timestamptz,
    sent_at         timestamptz,
    outcome         text,
    last_error      text,
    UNIQUE (event_id, alert_id, url)
);
CREATE INDEX ops_webhook_outbox_due ON ops_webhook_outbox (next_attempt_at) WHERE sent_at IS NULL;
