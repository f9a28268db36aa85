-- Every badge printed at a desk: who printed (the staff token, never a person), when, and whether the attendee
-- had a badge printed before (a reprint). print_id is the page's own id for one press of Print: a resent
-- request (a PDF viewer fetching again) counts once.
CREATE TABLE badge_print (
    print_id        uuid        PRIMARY KEY,
    event_id        bigint      NOT NULL REFERENCES event (id),
    registration_id uuid        NOT NULL REFERENCES registration (id),
    printed_at      timestamptz NOT NULL,
    printed_by      text        NOT NULL,
    reprint         boolean     NOT NULL
);
CREATE INDEX badge_print_by_event ON badge_print (event_id, printed_at DESC);
CREATE INDEX badge_print_by_registration ON badge_print (registration_id, printed_at);
