-- Floor devices (desk, door, booth) keep a roster offline and sync queued scans in batches.

-- The roster delta. Every registration, check-in and badge row carries the id of the transaction that last wrote
-- it (xid8: 64 bits, never wraps). A reader hands out as its cursor the xmin of its snapshot (every transaction
-- below it has ended), so a change that commits after a read with a lower transaction id than others already
-- seen is still found by the next delta: see docs/architecture.md, "The floor roster".
ALTER TABLE registration ADD COLUMN roster_xid xid8 NOT NULL DEFAULT pg_current_xact_id();
ALTER TABLE checkin ADD COLUMN roster_xid xid8 NOT NULL DEFAULT pg_current_xact_id();
ALTER TABLE nfc_badge ADD COLUMN roster_xid xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX registration_roster ON registration (event_id, roster_xid);
CREATE INDEX checkin_roster ON checkin (event_id, roster_xid);
CREATE INDEX nfc_badge_roster ON nfc_badge (event_id, roster_xid);

CREATE FUNCTION roster_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.roster_xid := pg_current_xact_id();
    RETURN NEW;
END
$$;
-- on the row being updated anyway: no other row is locked, no statement changes
CREATE TRIGGER registration_roster_touch BEFORE UPDATE ON registration FOR EACH ROW EXECUTE FUNCTION roster_touch();
CREATE TRIGGER checkin_roster_touch BEFORE UPDATE ON checkin FOR EACH ROW EXECUTE FUNCTION roster_touch();
CREATE TRIGGER nfc_badge_roster_touch BEFORE UPDATE ON nfc_badge FOR EACH ROW EXECUTE FUNCTION roster_touch();

-- A desk check-in sent by a device carries the device's own id for it; sent again (a lost answer, a sync
-- resent after a crash), it finds the first one's row and is answered as the first was.
ALTER TABLE checkin ADD COLUMN client_id uuid UNIQUE;

-- An admission a door made offline that found the room full when it was settled: the person is inside, so
-- it is recorded (attendance, tap ADMITTED) and counted here instead of taking a seat that is not there.
ALTER TABLE session_fill ADD COLUMN over_capacity integer NOT NULL DEFAULT 0 CHECK (over_capacity >= 0);
ALTER TABLE tap ADD COLUMN over_capacity boolean NOT NULL DEFAULT false;
