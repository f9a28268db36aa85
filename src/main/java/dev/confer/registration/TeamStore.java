package dev.confer.registration;

import dev.confer.shared.Language;
import dev.confer.shared.RegistrationId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

/** The {@code team} table and the team's registrations, as explicit SQL. */
@Repository
class TeamStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    TeamStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** A validated team with the ids its registrations get; members in the order given, the lead first. */
    record Draft(TeamId teamId, long eventId, String name, Language language, @Nullable String company,
                 List<NewTeam.Member> members, List<RegistrationId> ids, @Nullable Consents leadConsents,
                 @Nullable String noticeVersion) {

        int size() {
            return members.size();
        }
    }

    /** Of these e-mail addresses, the ones already registered for the event (not cancelled), as stored. */
    List<String> registered(long eventId, List<String> emails) {
        return jdbc.sql("""
                        SELECT email FROM registration
                        WHERE event_id = ? AND status <> 'CANCELLED'
                          AND lower(email) IN (SELECT lower(e) FROM unnest(?::text[]) AS e)
                        ORDER BY lower(email)""")
                .params(eventId, emails.toArray(String[]::new)).query(String.class).list();
    }

    /**
     * Inserts the team and every member as CONFIRMED in one batch, or (registration.verifyEmail) every member PENDING
     * under one team hold until {@code holdUntil}. Members go in in e-mail order, not in
     * the order given: each insert holds its e-mail's unique index entry until commit, and two teams
     * sharing addresses then wait for each other in one direction only, never in a cycle.
     */
    void insert(Draft team, java.time.@Nullable Instant holdUntil) {
        java.sql.Timestamp until = holdUntil == null ? null : java.sql.Timestamp.from(holdUntil);
        jdbc.sql("INSERT INTO team (id, event_id, name, lead_id, pending_until) VALUES (?, ?, ?, ?, ?)")
                .params(team.teamId().value(), team.eventId(), team.name(), team.ids().getFirst().value(), until).update();
        List<Integer> order = IntStream.range(0, team.size()).boxed()
                .sorted(Comparator.comparing(i -> TeamValidation.key(team.members().get(i).email()))).toList();
        List<Object[]> rows = new ArrayList<>(team.size());
        for (int i : order) {
            NewTeam.Member m = team.members().get(i);
            rows.add(new Object[]{team.ids().get(i).value(), team.eventId(), m.name().strip(), m.email().strip(), team.company(),
                    blankToNull(m.jobTitle()), team.language().code(), until == null ? "CONFIRMED" : "PENDING", until,
                    until == null, team.teamId().value(), i + 1});
        }
        batch.batchUpdate("""
                INSERT INTO registration (id, event_id, name, email, company, job_title, locale, status, hold_until,
                                          confirmed_at, team_id, team_member_no)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, CASE WHEN ? THEN now() END, ?, ?)""", rows);
        recordConsents(team);
    }

    /**
     * The lead's own consents (as at a single registration), and for every other member the lead's word that they
     * were told (PROCESSING from TEAM_LEAD, only where the event has a notice); members share nothing until they
     * confirm on My ticket.
     */
    private void recordConsents(Draft team) {
        Consents lead = team.leadConsents();
        if (lead != null && lead.sharingGiven()) {
            jdbc.sql("UPDATE registration SET sponsor_sharing = true WHERE id = ?").param(team.ids().getFirst().value()).update();
        }
        jdbc.sql("""
                        INSERT INTO consent (event_id, registration_id, purpose, granted, notice_version, source)
                        SELECT ?, id, p.purpose, p.granted, ?, 'REGISTRATION'
                        FROM (SELECT ?::uuid AS id) lead, unnest(?::text[], ?::boolean[]) AS p (purpose, granted)
                        UNION ALL
                        SELECT ?, m, 'PROCESSING', true, ?, 'TEAM_LEAD' FROM unnest(?::uuid[]) AS m WHERE ?::text IS NOT NULL""")
                .params(team.eventId(), team.noticeVersion(), team.ids().getFirst().value(),
                        lead == null ? new String[0] : lead.processing() == null ? new String[]{"SPONSOR_SHARING"}
                                : new String[]{"PROCESSING", "SPONSOR_SHARING"},
                        lead == null ? new Boolean[0] : lead.processing() == null ? new Boolean[]{lead.sharingGiven()}
                                : new Boolean[]{lead.processingGiven(), lead.sharingGiven()},
                        team.eventId(), team.noticeVersion(),
                        team.ids().subList(1, team.size()).stream().map(RegistrationId::value).toArray(UUID[]::new),
                        team.noticeVersion())
                .update();
    }

    /** The team found no places: every member waits, in member order, from sequence number {@code firstSeq} on. */
    void waitlist(TeamId teamId, long firstSeq) {
        jdbc.sql("""
                        UPDATE registration SET status = 'WAITLISTED', waitlist_seq = ? + team_member_no - 1, confirmed_at = NULL,
                            hold_until = NULL
                        WHERE team_id = ?""")
                .params(firstSeq, teamId.value()).update();
        jdbc.sql("UPDATE team SET pending_until = NULL WHERE id = ?").param(teamId.value()).update();
    }

    /** 1-based place in the waitlist queue of the registration with sequence number {@code seq}. */
    int waitlistPosition(long eventId, long seq) {
        return jdbc.sql("SELECT count(*) FROM registration WHERE event_id = ? AND status = 'WAITLISTED' AND waitlist_seq <= ?")
                .params(eventId, seq).query(Integer.class).single();
    }

    /** The waitlisted members' places in the queue, by registration id. */
    Map<RegistrationId, Integer> waitlistPositions(TeamId teamId) {
        Map<RegistrationId, Integer> positions = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT r.id, (SELECT count(*) FROM registration w WHERE w.event_id = r.event_id
                                        AND w.status = 'WAITLISTED' AND w.waitlist_seq <= r.waitlist_seq)
                        FROM registration r WHERE r.team_id = ? AND r.status = 'WAITLISTED' ORDER BY r.team_member_no""")
                .param(teamId.value()).query(rs -> {
                    positions.put(new RegistrationId(rs.getObject(1, UUID.class)), rs.getInt(2));
                });
        return positions;
    }

    Optional<Team> find(TeamId teamId) {
        record Row(TeamId id, long eventId, String name, RegistrationId leadId) {
        }
        return jdbc.sql("SELECT id, event_id, name, lead_id FROM team WHERE id = ?").param(teamId.value())
                .query((rs, n) -> new Row(new TeamId(rs.getObject(1, UUID.class)), rs.getLong(2), rs.getString(3),
                        new RegistrationId(rs.getObject(4, UUID.class))))
                .optional()
                .map(t -> new Team(t.id(), t.eventId(), t.name(), t.leadId(), members(t.id())));
    }

    /** The end of the team's open hold (registration.verifyEmail), if its lead has not confirmed yet. */
    Optional<java.time.Instant> heldUntil(TeamId teamId) {
        return jdbc.sql("SELECT pending_until FROM team WHERE id = ? AND pending_until IS NOT NULL").param(teamId.value())
                .query(java.sql.Timestamp.class).optional().map(java.sql.Timestamp::toInstant);
    }

    Optional<TeamId> teamOf(RegistrationId registrationId) {
        return jdbc.sql("SELECT team_id FROM registration WHERE id = ? AND team_id IS NOT NULL").param(registrationId.value())
                .query((rs, n) -> new TeamId(rs.getObject(1, UUID.class))).optional();
    }

    private List<TeamMember> members(TeamId teamId) {
        return jdbc.sql("SELECT id, name, email, status FROM registration WHERE team_id = ? ORDER BY team_member_no")
                .param(teamId.value())
                .query((rs, n) -> new TeamMember(new RegistrationId(rs.getObject(1, UUID.class)), rs.getString(2), rs.getString(3),
                        RegistrationStatus.valueOf(rs.getString(4))))
                .list();
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
