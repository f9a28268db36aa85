-- agenda: each attendee's starred sessions. One row per attendee and session; starring twice changes nothing.
CREATE TABLE agenda_star (
    registration_id uuid        NOT NULL REFERENCES registration (id),
    event_id        bigint      NOT NULL REFERENCES event (id),
    session_code    text        NOT NULL,
    starred_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (registration_id, session_code)
);
-- who starred a session, for the nudge 15 minutes before it
CREATE INDEX agenda_star_by_session ON agenda_star (event_id, session_code);

-- attendees who asked for an e-mail shortly before each session on their agenda (off unless asked for)
CREATE TABLE agenda_nudge (
    registration_id uuid        NOT NULL PRIMARY KEY REFERENCES registration (id),
    event_id        bigint      NOT NULL REFERENCES event (id),
    enabled         boolean     NOT NULL,
    changed_at      timestamptz NOT NULL DEFAULT now()
);

-- one row per session start whose nudges were queued; its primary key makes a second run do nothing, and a
-- session moved to another time gets its nudge again at the new time
CREATE TABLE session_nudge_run (
    event_id     bigint      NOT NULL REFERENCES event (id),
    session_code text        NOT NULL,
    starts_at    timestamptz NOT NULL,
    ran_at       timestamptz NOT NULL,
    queued       integer     NOT NULL,
    PRIMARY KEY (event_id, session_code, starts_at)
);
