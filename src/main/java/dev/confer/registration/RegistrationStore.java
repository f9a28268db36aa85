package dev.confer.registration;

import dev.confer.shared.Language;
import dev.confer.shared.RegistrationId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Repository
class RegistrationStore {

    private static final String COLUMNS = "id, event_id, name, email, company, job_title, locale, status, waitlist_seq, created_at, "
            + "sponsor_sharing, erased_at";
    private static final RowMapper<Attendee> ATTENDEE = (rs, n) -> new Attendee(new RegistrationId(rs.getObject(1, UUID.class)),
            rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), language(rs.getString(7)),
            RegistrationStatus.valueOf(rs.getString(8)), (Long) rs.getObject(9), rs.getTimestamp(10).toInstant(),
            rs.getBoolean(11), rs.getTimestamp(12) == null ? null : rs.getTimestamp(12).toInstant());

    private final JdbcClient jdbc;

    RegistrationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts the registration with its consents (one statement, one round trip) and returns it as stored.
     * Consents are recorded only as given: without {@code consents}, no row and nothing shared.
     */
    Attendee insert(RegistrationId id, long eventId, NewRegistration r, Language language, RegistrationStatus status,
                    @Nullable Long waitlistSeq, @Nullable String noticeVersion) {
        return insert(id, eventId, r, language, status, waitlistSeq, noticeVersion, null);
    }

    /** As above; a PENDING registration holds its place until {@code holdUntil}. */
    Attendee insert(RegistrationId id, long eventId, NewRegistration r, Language language, RegistrationStatus status,
                    @Nullable Long waitlistSeq, @Nullable String noticeVersion, java.time.@Nullable Instant holdUntil) {
        Consents consents = r.consents();
        List<String> purposes = new java.util.ArrayList<>();
        List<Boolean> granted = new java.util.ArrayList<>();
        if (consents != null && consents.processing() != null) {
            purposes.add("PROCESSING");
            granted.add(consents.processingGiven());
        }
        if (consents != null) {
            purposes.add("SPONSOR_SHARING");
            granted.add(consents.sharingGiven());
        }
        boolean sharing = consents != null && consents.sharingGiven();
        java.sql.Timestamp createdAt = jdbc.sql("""
                        WITH r AS (
                            INSERT INTO registration (id, event_id, name, email, company, job_title, locale, status,
                                                      waitlist_seq, confirmed_at, sponsor_sharing, hold_until)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, CASE WHEN ? THEN now() END, ?, ?)
                            RETURNING id, event_id, created_at),
                        c AS (
                            INSERT INTO consent (event_id, registration_id, purpose, granted, notice_version, source)
                            SELECT r.event_id, r.id, p.purpose, p.granted, ?, 'REGISTRATION'
                            FROM r, unnest(?::text[], ?::boolean[]) AS p (purpose, granted))
                        SELECT created_at FROM r""")
                .params(id.value(), eventId, r.name().strip(), r.email().strip(), blankToNull(r.company()), blankToNull(r.jobTitle()),
                        language.code(), status.name(), waitlistSeq, status == RegistrationStatus.CONFIRMED, sharing,
                        holdUntil == null ? null : java.sql.Timestamp.from(holdUntil), noticeVersion, purposes.toArray(String[]::new), granted.toArray(Boolean[]::new))
                .query(java.sql.Timestamp.class).single();
        return new Attendee(id, eventId, r.name().strip(), r.email().strip(), blankToNull(r.company()),
                blankToNull(r.jobTitle()), language, status, waitlistSeq, createdAt.toInstant(), sharing, null);
    }

    Optional<Attendee> find(long eventId, RegistrationId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM registration WHERE id = ? AND event_id = ?")
                .params(id.value(), eventId).query(ATTENDEE).optional();
    }

    Optional<Attendee> find(RegistrationId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM registration WHERE id = ?").param(id.value()).query(ATTENDEE).optional();
    }

    List<Attendee> findAll(Collection<RegistrationId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM registration WHERE id = ANY(?)")
                .param(ids.stream().map(RegistrationId::value).toArray(UUID[]::new)).query(ATTENDEE).list();
    }

    record Held(RegistrationStatus status) {
    }

    Optional<Held> lock(long eventId, RegistrationId id) {
        return jdbc.sql("SELECT status FROM registration WHERE id = ? AND event_id = ? FOR UPDATE")
                .params(id.value(), eventId)
                .query((rs, n) -> new Held(RegistrationStatus.valueOf(rs.getString(1))))
                .optional();
    }

    /** Locks and returns the first waitlisted registration (FIFO), if any. */
    Optional<Attendee> lockFirstWaitlisted(long eventId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM registration WHERE event_id = ? AND status = 'WAITLISTED' "
                        + "ORDER BY waitlist_seq LIMIT 1 FOR UPDATE")
                .param(eventId).query(ATTENDEE).optional();
    }

    /** A waitlisted registration moves up but stays PENDING until its address is verified, at most until {@code until}. */
    void hold(RegistrationId id, java.time.Instant until) {
        jdbc.sql("UPDATE registration SET status = 'PENDING', waitlist_seq = NULL, hold_until = ? WHERE id = ?")
                .params(java.sql.Timestamp.from(until), id.value()).update();
    }

    void confirm(RegistrationId id) {
        jdbc.sql("UPDATE registration SET status = 'CONFIRMED', waitlist_seq = NULL, hold_until = NULL, confirmed_at = now() WHERE id = ?")
                .param(id.value()).update();
    }

    /** A registration that found no place joins the queue (same transaction as its insert). */
    void waitlist(RegistrationId id, long seq) {
        jdbc.sql("UPDATE registration SET status = 'WAITLISTED', waitlist_seq = ?, confirmed_at = NULL WHERE id = ?")
                .params(seq, id.value()).update();
    }

    /** When a PENDING registration's hold runs out (locked by the caller). */
    java.util.Optional<java.time.Instant> holdUntil(RegistrationId id) {
        return jdbc.sql("SELECT hold_until FROM registration WHERE id = ? AND status = 'PENDING'").param(id.value())
                .query(java.sql.Timestamp.class).optional().map(java.sql.Timestamp::toInstant);
    }

    /** PENDING registrations whose hold ran out, oldest first: (event id, registration id). */
    List<java.util.Map.Entry<Long, RegistrationId>> expiredHolds(java.time.Instant now, int limit) {
        return jdbc.sql("SELECT event_id, id FROM registration WHERE status = 'PENDING' AND hold_until <= ? ORDER BY hold_until LIMIT ?")
                .params(java.sql.Timestamp.from(now), limit)
                .query((rs, n) -> java.util.Map.entry(rs.getLong(1), new RegistrationId(rs.getObject(2, UUID.class)))).list();
    }

    /** A team whose registration is still held under one team hold (registration.verifyEmail): its id, lead and end. */
    record TeamHold(UUID teamId, RegistrationId leadId, java.time.Instant until) {
    }

    /** The open team hold the registration belongs to, if any (no lock). */
    Optional<TeamHold> teamHold(RegistrationId id) {
        return jdbc.sql("""
                        SELECT t.id, t.lead_id, t.pending_until FROM team t JOIN registration r ON r.team_id = t.id
                        WHERE r.id = ? AND t.pending_until IS NOT NULL""")
                .param(id.value())
                .query((rs, n) -> new TeamHold(rs.getObject(1, UUID.class), new RegistrationId(rs.getObject(2, UUID.class)),
                        rs.getTimestamp(3).toInstant()))
                .optional();
    }

    /**
     * Locks the team row, then every member's registration row in id order (one order for verifying and expiring,
     * so the two never wait for each other in a cycle), and returns the PENDING members; empty when the team's hold
     * was closed meanwhile (verified or expired).
     */
    Optional<List<RegistrationId>> lockTeamHold(UUID teamId) {
        boolean open = jdbc.sql("SELECT pending_until IS NOT NULL FROM team WHERE id = ? FOR UPDATE").param(teamId)
                .query(Boolean.class).single();
        List<RegistrationId> pending = new java.util.ArrayList<>();
        jdbc.sql("SELECT id, status FROM registration WHERE team_id = ? ORDER BY id FOR UPDATE").param(teamId)
                .query(rs -> {
                    if (rs.getString(2).equals("PENDING")) {
                        pending.add(new RegistrationId(rs.getObject(1, UUID.class)));
                    }
                });
        return open ? Optional.of(pending) : Optional.empty();
    }

    void closeTeamHold(UUID teamId) {
        jdbc.sql("UPDATE team SET pending_until = NULL WHERE id = ?").param(teamId).update();
    }

    void cancel(RegistrationId id) {
        jdbc.sql("UPDATE registration SET status = 'CANCELLED', waitlist_seq = NULL, hold_until = NULL, cancelled_at = now() WHERE id = ?")
                .param(id.value()).update();
    }

    /** 1-based place in the waitlist queue. */
    int waitlistPosition(long eventId, long seq) {
        return jdbc.sql("SELECT count(*) FROM registration WHERE event_id = ? AND status = 'WAITLISTED' AND waitlist_seq <= ?")
                .params(eventId, seq).query(Integer.class).single();
    }

    Map<RegistrationStatus, Integer> countByStatus(long eventId) {
        Map<RegistrationStatus, Integer> counts = new EnumMap<>(RegistrationStatus.class);
        for (RegistrationStatus s : RegistrationStatus.values()) {
            counts.put(s, 0);
        }
        jdbc.sql("SELECT status, count(*) FROM registration WHERE event_id = ? GROUP BY status").param(eventId)
                .query(rs -> {
                    counts.put(RegistrationStatus.valueOf(rs.getString(1)), rs.getInt(2));
                });
        return counts;
    }

    List<Attendee> search(long eventId, @Nullable RegistrationStatus status, @Nullable String query, int limit, int offset) {
        String like = query == null || query.isBlank() ? null : "%" + query.strip().toLowerCase() + "%";
        return jdbc.sql("SELECT " + COLUMNS + " FROM registration WHERE event_id = ? "
                        + "AND (?::text IS NULL OR status = ?) "
                        + "AND (?::text IS NULL OR lower(name) LIKE ? OR lower(email) LIKE ? OR lower(coalesce(company, '')) LIKE ?) "
                        + "ORDER BY created_at, id LIMIT ? OFFSET ?")
                .params(eventId, status == null ? null : status.name(), status == null ? null : status.name(),
                        like, like, like, like, limit, offset)
                .query(ATTENDEE).list();
    }

    /** Reminder mails: the ids of an event's registrations in one status (index registration_by_event_status). */
    List<RegistrationId> idsWithStatus(long eventId, RegistrationStatus status) {
        return jdbc.sql("SELECT id FROM registration WHERE event_id = ? AND status = ? ORDER BY id")
                .params(eventId, status.name()).query((rs, n) -> new RegistrationId(rs.getObject(1, UUID.class))).list();
    }

    /** Rows keep the language as its code; any other value was never written. */
    static Language language(String code) {
        return Language.parse(code).orElse(Language.EN);
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
