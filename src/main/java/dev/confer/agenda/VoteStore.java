package dev.confer.agenda;

import dev.confer.registration.TeamId;
import dev.confer.shared.RegistrationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Team proposals and votes, as explicit SQL: each change is one autocommitted statement. */
@Repository
class VoteStore {

    record Vote(RegistrationId registrationId, String slot, String sessionCode, Instant votedAt) {
    }

    record Proposal(String slot, String sessionCode, RegistrationId proposedBy, Instant proposedAt) {
    }

    private final JdbcClient jdbc;

    VoteStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The member's one vote in the slot, for this session (proposing it first if nobody has): one statement, so
     * a member voting from two phones at once ends with one vote, the last one.
     */
    void vote(TeamId teamId, long eventId, RegistrationId registrationId, String slot, String sessionCode, Instant at) {
        jdbc.sql("""
                        WITH proposed AS (
                            INSERT INTO team_proposal (team_id, slot, session_code, event_id, proposed_by, proposed_at)
                            VALUES (:team, :slot, :code, :event, :member, :at)
                            ON CONFLICT DO NOTHING)
                        INSERT INTO team_vote (registration_id, slot, team_id, event_id, session_code, voted_at)
                        VALUES (:member, :slot, :team, :event, :code, :at)
                        ON CONFLICT (registration_id, slot) DO UPDATE
                            SET session_code = excluded.session_code, voted_at = excluded.voted_at
                            WHERE team_vote.session_code <> excluded.session_code""")
                .param("team", teamId.value()).param("slot", slot).param("code", sessionCode).param("event", eventId)
                .param("member", registrationId.value()).param("at", Timestamp.from(at))
                .update();
    }

    /** Proposes a session to the team; true when it is new. */
    boolean propose(TeamId teamId, long eventId, RegistrationId registrationId, String slot, String sessionCode, Instant at) {
        return jdbc.sql("""
                        INSERT INTO team_proposal (team_id, slot, session_code, event_id, proposed_by, proposed_at)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(teamId.value(), slot, sessionCode, eventId, registrationId.value(), Timestamp.from(at)).update() == 1;
    }

    boolean hasVote(RegistrationId registrationId, String slot) {
        return jdbc.sql("SELECT count(*) FROM team_vote WHERE registration_id = ? AND slot = ?")
                .params(registrationId.value(), slot).query(Integer.class).single() > 0;
    }

    void withdraw(RegistrationId registrationId, String slot) {
        jdbc.sql("DELETE FROM team_vote WHERE registration_id = ? AND slot = ?").params(registrationId.value(), slot).update();
    }

    List<Vote> votes(TeamId teamId) {
        return jdbc.sql("SELECT registration_id, slot, session_code, voted_at FROM team_vote WHERE team_id = ?")
                .param(teamId.value())
                .query((rs, n) -> new Vote(new RegistrationId(rs.getObject(1, UUID.class)), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()))
                .list();
    }

    List<Proposal> proposals(TeamId teamId) {
        return jdbc.sql("SELECT slot, session_code, proposed_by, proposed_at FROM team_proposal WHERE team_id = ? ORDER BY proposed_at, session_code")
                .param(teamId.value())
                .query((rs, n) -> new Proposal(rs.getString(1), rs.getString(2), new RegistrationId(rs.getObject(3, UUID.class)), rs.getTimestamp(4).toInstant()))
                .list();
    }

    /** The teams of the event that have votes in this slot. */
    List<TeamId> teamsVotingIn(long eventId, String slot) {
        return jdbc.sql("SELECT DISTINCT team_id FROM team_vote WHERE event_id = ? AND slot = ?")
                .params(eventId, slot).query((rs, n) -> new TeamId(rs.getObject(1, UUID.class))).list();
    }
}
