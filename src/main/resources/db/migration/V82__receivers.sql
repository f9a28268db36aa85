-- Interpretation receivers (issue 13 point 8). The stock is copied from the definition in the defining transaction;
-- a loan takes one in the same statement that records it and a return gives it back in the statement that closes
-- the loan, so lent never passes the stock nor goes below 0 (the CHECK is the last line of defence). At most one
-- open loan per attendee (the partial unique index); loan_id is the desk device's own id, so a resend lends once.
CREATE TABLE receiver_stock (
    event_id bigint  PRIMARY KEY REFERENCES event (id),
    stock    integer NOT NULL CHECK (stock >= 0),
    lent     integer NOT NULL DEFAULT 0 CHECK (lent >= 0 AND lent <= stock)
);

CREATE TABLE receiver_loan (
    loan_id         uuid        PRIMARY KEY,
    event_id        bigint      NOT NULL REFERENCES receiver_stock (event_id),
    registration_id uuid        NOT NULL REFERENCES registration (id),
    lent_at         timestamptz NOT NULL,
    lent_by         text,
    returned_at     timestamptz,
    returned_by     text
);

CREATE UNIQUE INDEX receiver_loan_open ON receiver_loan (event_id, registration_id) WHERE returned_at IS NULL;
CREATE INDEX receiver_loan_by_time ON receiver_loan (event_id, lent_at);
CREATE INDEX receiver_loan_registration ON receiver_loan (registration_id);
