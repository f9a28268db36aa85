-- Confer foundation schema. Each block belongs to one module; modules read each other only through
-- their Java APIs. Counters carry CHECK constraints so that the database itself refuses an oversell.

-- events ---------------------------------------------------------------------------------------
CREATE TABLE event (
    id          bigserial PRIMARY KEY,
    slug        text        NOT NULL UNIQUE,
    name        jsonb       NOT NULL,
    timezone    text        NOT NULL,
    capacity    integer     NOT NULL CHECK (capacity >= 0),
    waitlist    integer     NOT NULL CHECK (waitlist >= 0),
    definition  jsonb       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

-- tickets: one Ed25519 key pair per event, plus the secret that derives manage tokens
CREATE TABLE ticket_key (
    event_id      bigint PRIMARY KEY REFERENCES event (id),
    private_key   bytea  NOT NULL,
    public_key    bytea  NOT NULL,
    manage_secret bytea  NOT NULL
);

-- registration ---------------------------------------------------------------------------------
-- Confirmed places are spread over shards so thousands of registrations per second do not queue
-- on one hot row; the sum of quotas is the event capacity.
CREATE TABLE capacity_shard (
    event_id bigint   NOT NULL REFERENCES event (id),
    shard    smallint NOT NULL,
    quota    integer  NOT NULL,
    used     integer  NOT NULL DEFAULT 0,
    PRIMARY KEY (event_id, shard),
    CHECK (used >= 0 AND used <= quota)
);

-- one row per event: the waitlist counter and FIFO sequence; also the lock that orders the slow
-- paths (joining the waitlist, cancelling, promoting, changing capacity)
CREATE TABLE waitlist_state (
    event_id   bigint  PRIMARY KEY REFERENCES event (id),
    size_limit integer NOT NULL,
    waiting    integer NOT NULL DEFAULT 0,
    next_seq   bigint  NOT NULL DEFAULT 1,
    CHECK (waiting >= 0 AND waiting <= size_limit)
);

CREATE TABLE registration (
    id           uuid        PRIMARY KEY,
    event_id     bigint      NOT NULL REFERENCES event (id),
    name         text        NOT NULL,
    email        text        NOT NULL,
    company      text,
    job_title    text,
    locale       text        NOT NULL,
    status       text        NOT NULL CHECK (status IN ('CONFIRMED', 'WAITLISTED', 'CANCELLED')),
    shard        smallint,
    waitlist_seq bigint,
    created_at   timestamptz NOT NULL DEFAULT now(),
    confirmed_at timestamptz,
    cancelled_at timestamptz
);
CREATE UNIQUE INDEX registration_one_per_email ON registration (event_id, lower(email)) WHERE status <> 'CANCELLED';
CREATE INDEX registration_waitlist_fifo ON registration (event_id, waitlist_seq) WHERE status = 'WAITLISTED';
CREATE INDEX registration_by_event_status ON registration (event_id, status);

-- checkin --------------------------------------------------------------------------------------
-- per event day: lunch voucher stock and keynote seats, taken in arrival order
CREATE TABLE day_stock (
    event_id        bigint  NOT NULL REFERENCES event (id),
    day             date    NOT NULL,
    voucher_stock   integer NOT NULL,
    vouchers_issued integer NOT NULL DEFAULT 0,
    keynote_seats   integer NOT NULL,
    seats_taken     integer NOT NULL DEFAULT 0,
    PRIMARY KEY (event_id, day),
    CHECK (vouchers_issued >= 0 AND vouchers_issued <= voucher_stock),
    CHECK (seats_taken >= 0 AND seats_taken <= keynote_seats)
);

CREATE TABLE checkin (
    event_id            bigint      NOT NULL REFERENCES event (id),
    registration_id     uuid        NOT NULL REFERENCES registration (id),
    day                 date        NOT NULL,
    checked_in_at       timestamptz NOT NULL,
    desk                text,
    voucher_no          integer,
    voucher_redeemed_at timestamptz,
    seat_no             integer,
    PRIMARY KEY (registration_id, day)
);
CREATE UNIQUE INDEX checkin_voucher ON checkin (event_id, day, voucher_no) WHERE voucher_no IS NOT NULL;
CREATE UNIQUE INDEX checkin_seat ON checkin (event_id, day, seat_no) WHERE seat_no IS NOT NULL;
CREATE INDEX checkin_by_event_day ON checkin (event_id, day, checked_in_at);

CREATE TABLE nfc_badge (
    event_id        bigint      NOT NULL REFERENCES event (id),
    nfc_uid         text        NOT NULL,
    registration_id uuid        NOT NULL UNIQUE REFERENCES registration (id),
    bound_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (event_id, nfc_uid)
);

-- access ---------------------------------------------------------------------------------------
-- every tap a device sent, once per device tap id
CREATE TABLE tap (
    tap_id          uuid        PRIMARY KEY,
    event_id        bigint      NOT NULL REFERENCES event (id),
    point           text        NOT NULL,
    registration_id uuid,
    at              timestamptz NOT NULL,
    result          text        NOT NULL,
    received_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tap_by_point ON tap (event_id, point);

-- seats taken at a session door; capacity is copied from the definition when it changes
CREATE TABLE session_fill (
    event_id     bigint  NOT NULL REFERENCES event (id),
    session_code text    NOT NULL,
    capacity     integer NOT NULL,
    admitted     integer NOT NULL DEFAULT 0,
    PRIMARY KEY (event_id, session_code),
    CHECK (admitted >= 0)
);

CREATE TABLE session_attendance (
    event_id        bigint      NOT NULL REFERENCES event (id),
    session_code    text        NOT NULL,
    registration_id uuid        NOT NULL REFERENCES registration (id),
    first_at        timestamptz NOT NULL,
    PRIMARY KEY (event_id, session_code, registration_id)
);

CREATE TABLE booth_lead (
    event_id        bigint      NOT NULL REFERENCES event (id),
    booth_code      text        NOT NULL,
    registration_id uuid        NOT NULL REFERENCES registration (id),
    first_visit_at  timestamptz NOT NULL,
    last_visit_at   timestamptz NOT NULL,
    visits          integer     NOT NULL,
    PRIMARY KEY (event_id, booth_code, registration_id)
);

-- platform: staff tokens (only their SHA-256 is kept) ------------------------------------------
CREATE TABLE staff_token (
    token_hash bytea       PRIMARY KEY,
    event_id   bigint      NOT NULL REFERENCES event (id),
    role       text        NOT NULL CHECK (role IN ('DESK', 'DOOR', 'SPONSOR')),
    booth_code text,
    label      text,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- notifications: the transactional mail outbox -------------------------------------------------
CREATE TABLE mail_outbox (
    id              bigserial   PRIMARY KEY,
    event_id        bigint      NOT NULL REFERENCES event (id),
    registration_id uuid        NOT NULL REFERENCES registration (id),
    kind            text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    claimed_until   timestamptz,
    sent_at         timestamptz,
    delivered_via   text,
    recipient       text,
    subject         text,
    body_text       text,
    body_html       text,
    last_error      text
);
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE sent_at IS NULL;
CREATE INDEX mail_outbox_sent ON mail_outbox (event_id, sent_at DESC) WHERE sent_at IS NOT NULL;
