-- The waiting room of a registration opening (waitingroom module). One gate row per event: the arrival numbers
-- handed out, the admission frontier (everyone with a number up to it is admitted) and the fractional admissions
-- carried from one tick to the next, so the rate holds across instances. One row per browser in the queue.
CREATE TABLE queue_gate (
    event_id         bigint           PRIMARY KEY REFERENCES event (id) ON DELETE CASCADE,
    joined           bigint           NOT NULL DEFAULT 0,
    admitted_through bigint           NOT NULL DEFAULT 0,
    admitted         bigint           NOT NULL DEFAULT 0,
    dropped          bigint           NOT NULL DEFAULT 0,
    credit           double precision NOT NULL DEFAULT 0,
    ticked_at        timestamptz      NOT NULL,
    busy_until       timestamptz,
    CHECK (admitted_through <= joined)
);

CREATE TABLE queue_visitor (
    id           uuid        PRIMARY KEY,
    event_id     bigint      NOT NULL REFERENCES event (id) ON DELETE CASCADE,
    ticket       bigint      NOT NULL,
    joined_at    timestamptz NOT NULL,
    seen_at      timestamptz NOT NULL,
    admitted_at  timestamptz,
    pass_used_at timestamptz,
    UNIQUE (event_id, ticket)
);
