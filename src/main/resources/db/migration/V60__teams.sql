-- registration: teams. A team is registered all or nothing in one transaction; every member has an ordinary
-- registration of their own (ticket, mail, cancelling) that names its team. team_member_no keeps the order the
-- members were given in (1 = the lead, who registered the team): the waitlist positions follow it.
CREATE TABLE team (
    id         uuid        PRIMARY KEY,
    event_id   bigint      NOT NULL REFERENCES event (id),
    name       text        NOT NULL,
    lead_id    uuid        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX team_by_event ON team (event_id);

ALTER TABLE registration ADD COLUMN team_id uuid REFERENCES team (id);
ALTER TABLE registration ADD COLUMN team_member_no smallint;
ALTER TABLE registration ADD CONSTRAINT registration_team_member_no
    CHECK ((team_id IS NULL) = (team_member_no IS NULL) AND (team_member_no IS NULL OR team_member_no >= 1));
CREATE UNIQUE INDEX registration_by_team ON registration (team_id, team_member_no) WHERE team_id IS NOT NULL;
-- the lead is one of the team's registrations, inserted after the team row: checked at commit
ALTER TABLE team ADD CONSTRAINT team_lead FOREIGN KEY (lead_id) REFERENCES registration (id) DEFERRABLE INITIALLY DEFERRED;
