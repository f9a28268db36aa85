-- agenda: team votes. Per team and slot (the slot's local start, '2026-05-14T13:00'), the sessions members
-- proposed; per member and slot one vote, for a proposed session (voting for one nobody proposed proposes it
-- in the same statement). Changing a vote overwrites the row: a member never holds two votes in a slot.
CREATE TABLE team_proposal (
    team_id      uuid        NOT NULL REFERENCES team (id),
    slot         text        NOT NULL,
    session_code text        NOT NULL,
    event_id     bigint      NOT NULL REFERENCES event (id),
    proposed_by  uuid        NOT NULL REFERENCES registration (id),
    proposed_at  timestamptz NOT NULL,
    PRIMARY KEY (team_id, slot, session_code)
);

CREATE TABLE team_vote (
    registration_id uuid        NOT NULL REFERENCES registration (id),
    slot            text        NOT NULL,
    team_id         uuid        NOT NULL REFERENCES team (id),
    event_id        bigint      NOT NULL REFERENCES event (id),
    session_code    text        NOT NULL,
    voted_at        timestamptz NOT NULL,
    PRIMARY KEY (registration_id, slot),
    FOREIGN KEY (team_id, slot, session_code) REFERENCES team_proposal (team_id, slot, session_code)
);
CREATE INDEX team_vote_by_team ON team_vote (team_id, slot);
-- the nudge before a session looks for the teams that voted in its slot
CREATE INDEX team_vote_by_event_slot ON team_vote (event_id, slot);
