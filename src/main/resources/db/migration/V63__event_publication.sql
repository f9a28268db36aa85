-- Spring Modulith's event publication registry (schema v2 for PostgreSQL, as spring-modulith-events-jdbc 2.1 ships it).
-- A cross-module event is written here in the publishing transaction, once per listener that reacts after commit;
-- the row is deleted when the listener has finished (completion mode DELETE), so what stays is exactly what is
-- still to be done: after a crash it is resubmitted (at start-up, and by the event-resubmission job on any instance).
CREATE TABLE event_publication
(
    id                     UUID                     NOT NULL PRIMARY KEY,
    listener_id            TEXT                     NOT NULL,
    event_type             TEXT                     NOT NULL,
    serialized_event       TEXT                     NOT NULL,
    publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
    completion_date        TIMESTAMP WITH TIME ZONE,
    status                 TEXT,
    completion_attempts    INT,
    last_resubmission_date TIMESTAMP WITH TIME ZONE
);
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);
