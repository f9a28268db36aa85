-- Waiting room (issue 14): arrival numbers come from a sequence per event, queue_ticket_<event id>, created with the
-- event's gate row, instead of the gate row's joined counter. Every join used to update and commit that one row, so
-- joins serialised at the commit rate; nextval takes no row lock and is never rolled back, so joins run side by side
-- (a number lost to a failed insert is a gap the admission frontier steps over, as over a visitor who left).
DO $$
DECLARE
    g record;
BEGIN
    FOR g IN SELECT event_id, joined FROM queue_gate LOOP
        EXECUTE format('CREATE SEQUENCE IF NOT EXISTS queue_ticket_%s START WITH %s', g.event_id, g.joined + 1);
    END LOOP;
END $$;

ALTER TABLE queue_gate DROP COLUMN joined;

-- A visitor passed over (not heard from when the frontier reached them) who asks again within the grace window is
-- back: admitted first at the next ticks, at the room's rate and in arrival order among those back.
ALTER TABLE queue_visitor ADD COLUMN returned_at timestamptz;
CREATE INDEX queue_visitor_returned ON queue_visitor (event_id, ticket) WHERE returned_at IS NOT NULL AND admitted_at IS NULL;

-- A team registered under registration.verifyEmail holds all its places with one hold: every member PENDING until the
-- lead opens the link in the one verification mail (then all are confirmed in one transaction), or until pending_until
-- passes (then all places go back together). NULL once verified or expired, and for teams registered without a hold.
ALTER TABLE team ADD COLUMN pending_until timestamptz;
