-- The ops room (ops module) keeps only what a person decided: alerts themselves are recomputed from the scans.
-- An acknowledged alert (by its stable id, signal:subject:minute-opened) and a subject muted for one event day.
CREATE TABLE ops_alert_ack (
    event_id        bigint      NOT NULL REFERENCES event (id),
    alert_id        text        NOT NULL,
    acknowledged_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (event_id, alert_id)
);

CREATE TABLE ops_mute (
    event_id bigint      NOT NULL REFERENCES event (id),
    signal   text        NOT NULL,
    subject  text        NOT NULL,
    day      date        NOT NULL,
    muted_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (event_id, signal, subject, day)
);
