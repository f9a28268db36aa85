-- Personal data: consents, erasure, the staff access log and retention (docs/operations.md, "Privacy").

-- The attendee's current choice to share their contact with the sponsors whose booths they visit (the history is in
-- consent); erased_at marks a registration whose personal data was anonymised (its status and counts stay).
ALTER TABLE registration ADD COLUMN sponsor_sharing boolean NOT NULL DEFAULT false;
ALTER TABLE registration ADD COLUMN erased_at timestamptz;

-- Every consent given or withdrawn, with the version of the notice it was given under. A team lead's declaration
-- that a member was told is recorded for the member with source TEAM_LEAD; the member's own confirmation follows.
CREATE TABLE consent (
    id              bigserial   PRIMARY KEY,
    event_id        bigint      NOT NULL REFERENCES event (id),
    registration_id uuid        NOT NULL REFERENCES registration (id),
    purpose         text        NOT NULL CHECK (purpose IN ('PROCESSING', 'SPONSOR_SHARING')),
    granted         boolean     NOT NULL,
    notice_version  text,
    source          text        NOT NULL CHECK (source IN ('REGISTRATION', 'TEAM_LEAD', 'MY_TICKET')),
    recorded_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX consent_by_registration ON consent (registration_id, id);

-- Who looked at whose personal data: never the people themselves, only how many and by which view.
CREATE TABLE access_log (
    id       bigserial   PRIMARY KEY,
    event_id bigint      NOT NULL REFERENCES event (id),
    at       timestamptz NOT NULL,
    actor    text        NOT NULL,
    action   text        NOT NULL,
    people   integer     NOT NULL CHECK (people >= 0),
    detail   text
);
CREATE INDEX access_log_by_event ON access_log (event_id, at DESC);

-- One retention run per event: a second run (another instance, the organizer's early run) finds the row and stops.
CREATE TABLE retention_run (
    event_id   bigint      PRIMARY KEY REFERENCES event (id),
    ran_at     timestamptz NOT NULL,
    trigger    text        NOT NULL CHECK (trigger IN ('SCHEDULED', 'ORGANIZER')),
    anonymised integer     NOT NULL,
    log_rows   integer     NOT NULL
);
