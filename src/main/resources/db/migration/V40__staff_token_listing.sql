-- The organizer lists the staff tokens of an event and revokes one by this id; the secret stays hashed.
ALTER TABLE staff_token ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY;
ALTER TABLE staff_token ADD CONSTRAINT staff_token_id_unique UNIQUE (id);
CREATE INDEX staff_token_event_idx ON staff_token (event_id, created_at);
