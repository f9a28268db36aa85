package dev.confer.agenda;

import dev.confer.shared.RegistrationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Starred sessions, the nudge setting and the nudge runs, as explicit SQL. */
@Repository
class AgendaStore {

    private final JdbcClient jdbc;

    AgendaStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True when the star is new. */
    boolean star(long eventId, RegistrationId registrationId, String sessionCode) {
        return jdbc.sql("""
                        INSERT INTO agenda_star (registration_id, event_id, session_code) VALUES (?, ?, ?)
                        ON CONFLICT (registration_id, session_code) DO NOTHING""")
                .params(registrationId.value(), eventId, sessionCode).update() == 1;
    }

    boolean unstar(RegistrationId registrationId, String sessionCode) {
        return jdbc.sql("DELETE FROM agenda_star WHERE registration_id = ? AND session_code = ?")
                .params(registrationId.value(), sessionCode).update() == 1;
    }

    /** The codes of the sessions this attendee starred. */
    Set<String> starred(RegistrationId registrationId) {
        return Set.copyOf(jdbc.sql("SELECT session_code FROM agenda_star WHERE registration_id = ?")
                .param(registrationId.value()).query(String.class).list());
    }

    /** Of these attendees, those who starred any of these sessions. */
    Set<RegistrationId> starredAny(Collection<RegistrationId> registrationIds, Collection<String> sessionCodes) {
        if (registrationIds.isEmpty() || sessionCodes.isEmpty()) {
            return Set.of();
        }
        return jdbc.sql("SELECT DISTINCT registration_id FROM agenda_star WHERE registration_id = ANY(?) AND session_code = ANY(?)")
                .params(registrationIds.stream().map(RegistrationId::value).toArray(UUID[]::new), sessionCodes.toArray(String[]::new))
                .query((rs, n) -> new RegistrationId(rs.getObject(1, UUID.class))).list().stream().collect(Collectors.toSet());
    }

    void setNudge(long eventId, RegistrationId registrationId, boolean enabled) {
        jdbc.sql("""
                        INSERT INTO agenda_nudge (registration_id, event_id, enabled) VALUES (?, ?, ?)
                        ON CONFLICT (registration_id) DO UPDATE SET enabled = excluded.enabled, changed_at = now()""")
                .params(registrationId.value(), eventId, enabled).update();
    }

    boolean nudge(RegistrationId registrationId) {
        return jdbc.sql("SELECT enabled FROM agenda_nudge WHERE registration_id = ?").param(registrationId.value())
                .query(Boolean.class).optional().orElse(false);
    }

    /** Those who starred the session and asked for the nudge. */
    List<RegistrationId> starredWithNudge(long eventId, String sessionCode) {
        return jdbc.sql("""
                        SELECT s.registration_id FROM agenda_star s
                        JOIN agenda_nudge n ON n.registration_id = s.registration_id AND n.enabled
                        WHERE s.event_id = ? AND s.session_code = ?""")
                .params(eventId, sessionCode).query((rs, n) -> new RegistrationId(rs.getObject(1, UUID.class))).list();
    }

    /** Of these attendees, those who asked for the nudge. */
    Set<RegistrationId> withNudge(Collection<RegistrationId> registrationIds) {
        if (registrationIds.isEmpty()) {
            return Set.of();
        }
        return jdbc.sql("SELECT registration_id FROM agenda_nudge WHERE enabled AND registration_id = ANY(?)")
                .param(registrationIds.stream().map(RegistrationId::value).toArray(UUID[]::new)).query((rs, n) -> new RegistrationId(rs.getObject(1, UUID.class))).list().stream().collect(Collectors.toSet());
    }

    /**
     * Claims the nudge run of one session start; false when it ran already. The row stays locked until the
     * claiming transaction ends, so a second run at the same time waits for it and then does nothing.
     */
    boolean claimNudgeRun(long eventId, String sessionCode, Instant startsAt, Instant now) {
        return jdbc.sql("""
                        INSERT INTO session_nudge_run (event_id, session_code, starts_at, ran_at, queued) VALUES (?, ?, ?, ?, 0)
                        ON CONFLICT DO NOTHING""")
                .params(eventId, sessionCode, java.sql.Timestamp.from(startsAt), java.sql.Timestamp.from(now)).update() == 1;
    }

    void recordQueued(long eventId, String sessionCode, Instant startsAt, int queued) {
        jdbc.sql("UPDATE session_nudge_run SET queued = ? WHERE event_id = ? AND session_code = ? AND starts_at = ?")
                .params(queued, eventId, sessionCode, java.sql.Timestamp.from(startsAt)).update();
    }
}
