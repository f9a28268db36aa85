-- Hands-on labs with seats reserved ahead (issue 13 point 5). lab_seats holds one row per lab (copied from the
-- definition's preRegistration.seats in the defining transaction): the seats, how many are reserved and the next
-- waitlist number. A reservation or a cancellation locks that row first, so reserved never passes the seats (the
-- CHECK is the last line of defence) and the waitlist is served in its own order.
CREATE TABLE lab_seats (
    event_id     bigint  NOT NULL REFERENCES event (id),
    session_code text    NOT NULL,
    seats        integer NOT NULL CHECK (seats >= 0),
    reserved     integer NOT NULL DEFAULT 0 CHECK (reserved >= 0 AND reserved <= seats),
    next_seq     bigint  NOT NULL DEFAULT 1,
    PRIMARY KEY (event_id, session_code)
);

CREATE TABLE lab_reservation (
    event_id        bigint      NOT NULL,
    session_code    text        NOT NULL,
    registration_id uuid        NOT NULL REFERENCES registration (id),
    status          text        NOT NULL CHECK (status IN ('RESERVED', 'WAITING')),
    seq             bigint      NOT NULL,
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (event_id, session_code, registration_id),
    FOREIGN KEY (event_id, session_code) REFERENCES lab_seats (event_id, session_code)
);

CREATE INDEX lab_reservation_waiting ON lab_reservation (event_id, session_code, seq) WHERE status = 'WAITING';
CREATE INDEX lab_reservation_registration ON lab_reservation (registration_id);
