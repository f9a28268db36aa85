-- E-mail verification (registration.verifyEmail): a PENDING registration holds a confirmed place until hold_until;
-- the link in its mail makes it CONFIRMED, and an expired hold is cancelled, returning the place (or passing it to
-- the waitlist) exactly as a cancellation does.
ALTER TABLE registration DROP CONSTRAINT registration_status_check;
ALTER TABLE registration ADD CONSTRAINT registration_status_check
    CHECK (status IN ('CONFIRMED', 'WAITLISTED', 'CANCELLED', 'PENDING'));
ALTER TABLE registration ADD COLUMN hold_until timestamptz;
CREATE INDEX registration_holds ON registration (hold_until) WHERE status = 'PENDING';
