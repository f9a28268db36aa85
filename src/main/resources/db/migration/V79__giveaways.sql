-- Giveaways per booth (issue 13). The stock is copied from the definition in the defining transaction; a handout
-- takes one in the same statement that records it, so handed_out never passes the stock (the CHECK is the last
-- line of defence). One handout per attendee and gift; handout_id is the device's own id, so a resend counts once.
CREATE TABLE giveaway_stock (
    event_id   bigint  NOT NULL REFERENCES event (id),
    booth_code text    NOT NULL,
    gift_code  text    NOT NULL,
    stock      integer NOT NULL CHECK (stock >= 0),
    handed_out integer NOT NULL DEFAULT 0 CHECK (handed_out >= 0 AND handed_out <= stock),
    PRIMARY KEY (event_id, booth_code, gift_code)
);

CREATE TABLE giveaway_handout (
    handout_id      uuid        PRIMARY KEY,
    event_id        bigint      NOT NULL,
    booth_code      text        NOT NULL,
    gift_code       text        NOT NULL,
    registration_id uuid        NOT NULL REFERENCES registration (id),
    at              timestamptz NOT NULL,
    handed_out_no   integer     NOT NULL,
    UNIQUE (event_id, booth_code, gift_code, registration_id),
    FOREIGN KEY (event_id, booth_code, gift_code) REFERENCES giveaway_stock (event_id, booth_code, gift_code)
);

CREATE INDEX giveaway_handout_registration ON giveaway_handout (registration_id);

-- Experience and demo zones are tap points (zone:CODE) counted from the tap table; an attendee's visits there are
-- counted on every tap, so they get an index of their own (only zone taps are in it).
CREATE INDEX tap_by_zone_visitor ON tap (event_id, point, registration_id) WHERE point LIKE 'zone:%';
