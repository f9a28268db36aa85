package dev.confer.access;

import dev.confer.shared.RegistrationId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A tap decided in ONE autocommitted statement: the seat (or the lead), the attendance and the tap row
 * with its result. (A tap that finds a session full takes a second statement: see {@link #tryForASeat}.) A session's seat counter is therefore locked only while the database runs that one
 * statement and commits it, never across a round trip to a client, so a full room's door does
 * not queue behind slow clients. (Live taps that arrive together share a transaction, {@link OnlineTaps}: the
 * counter is then held for that group's statements, a few milliseconds in this process.)
 *
 * <p>A tap id sent twice fails on the tap table's key and rolls back everything it did
 * (DuplicateKeyException: the caller answers DUPLICATE). So does the rare race of the same attendee
 * entering through two doors of one session at once (the caller tries again and finds them inside).
 */
@Repository
class Turnstile {

    private final JdbcClient jdbc;

    Turnstile(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code entry} for an admission: a seat taken (FIRST) or found inside already (REENTRY). */
    record SessionPass(TapResult result, int admitted, int capacity, TapAnswer.@Nullable Entry entry, boolean overCapacity) {
    }

    record BoothPass(TapResult result, @Nullable Integer visits) {
    }

    /**
     * A tap at a session door. {@code admittedOffline}: the door already let the person in while offline (a synced
     * tap); if the room is full by the time it is settled, the person is recorded inside without a seat and counted
     * over capacity ({@link #overCapacity}) instead of being turned away after the fact.
     */
    SessionPass throughSessionDoor(UUID tapId, long eventId, String session, String point, RegistrationId registrationId,
                                   Instant at, boolean mayEnter, int seatsInDefinition, boolean admittedOffline) {
        Map<String, Object> tap = Map.of("tap", tapId, "event", eventId, "session", session, "point", point,
                "registration", registrationId.value(), "at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC), "mayEnter", mayEnter);
        return tryForASeat(tap, seatsInDefinition)
                .orElseGet(() -> admittedOffline ? overCapacity(tap, seatsInDefinition) : turnAway(tap, seatsInDefinition));
    }

    /**
     * Takes a seat (or finds the attendee already inside, or not allowed in) and logs the tap. At a hands-on lab a
     * holder of a reserved seat always finds it; a walk-in gets a seat only while the seats not held for holders who
     * are not inside yet last ({@code held_open}, read from the statement's snapshot: a holder entering meanwhile can
     * only make that count too high, so walk-ins never take a held seat). When the
     * room was full it logs nothing and answers empty: the statement read the room with a snapshot taken
     * before it waited for the seat counter's lock, so the same attendee may have got in through another
     * tap meanwhile, and only a fresh statement can see that.
     */
    private Optional<SessionPass> tryForASeat(Map<String, Object> tap, int seatsInDefinition) {
        return jdbc.sql("""
                        WITH already AS (
                            SELECT 1 FROM session_attendance
                            WHERE event_id = :event AND session_code = :session AND registration_id = :registration),
                        holder AS (
                            SELECT 1 FROM lab_reservation
                            WHERE event_id = :event AND session_code = :session AND registration_id = :registration
                              AND status = 'RESERVED'),
                        held_open AS (
                            SELECT 1 FROM lab_reservation r
                            WHERE r.event_id = :event AND r.session_code = :session AND r.status = 'RESERVED'
                              AND NOT EXISTS (SELECT 1 FROM session_attendance a WHERE a.event_id = r.event_id
                                              AND a.session_code = r.session_code AND a.registration_id = r.registration_id)),
                        seat AS (
                            UPDATE session_fill SET admitted = admitted + 1
                            WHERE event_id = :event AND session_code = :session AND admitted < capacity
                              AND :mayEnter AND NOT EXISTS (SELECT 1 FROM already)
                              AND (EXISTS (SELECT 1 FROM holder) OR admitted < capacity - (SELECT count(*) FROM held_open))
                            RETURNING admitted, capacity),
                        entered AS (
                            INSERT INTO session_attendance (event_id, session_code, registration_id, first_at)
                            SELECT :event, :session, :registration, :at FROM seat
                            RETURNING 1),
                        logged AS (
                            INSERT INTO tap (tap_id, event_id, point, registration_id, at, result)
                            SELECT :tap, :event, :point, :registration, :at,
                                   CASE WHEN NOT :mayEnter THEN 'NOT_CHECKED_IN' ELSE 'ADMITTED' END
                            WHERE NOT :mayEnter OR EXISTS (SELECT 1 FROM already) OR EXISTS (SELECT 1 FROM seat)
                            RETURNING result)
                        SELECT l.result, coalesce(s.admitted, f.admitted), coalesce(s.capacity, f.capacity),
                               EXISTS (SELECT 1 FROM already), false
                        FROM logged l
                        LEFT JOIN seat s ON true
                        LEFT JOIN session_fill f ON f.event_id = :event AND f.session_code = :session""")
                .params(tap)
                .query((rs, n) -> pass(rs, seatsInDefinition))
                .optional();
    }

    /** The room was full a moment ago: FULL, unless the attendee got in meanwhile through another tap. */
    private SessionPass turnAway(Map<String, Object> tap, int seatsInDefinition) {
        return jdbc.sql("""
                        WITH logged AS (
                            INSERT INTO tap (tap_id, event_id, point, registration_id, at, result)
                            SELECT :tap, :event, :point, :registration, :at,
                                   CASE WHEN EXISTS (SELECT 1 FROM session_attendance
                                                     WHERE event_id = :event AND session_code = :session
                                                       AND registration_id = :registration)
                                        THEN 'ADMITTED' ELSE 'FULL' END
                            RETURNING result)
                        SELECT l.result, f.admitted, f.capacity, true, false
                        FROM logged l
                        LEFT JOIN session_fill f ON f.event_id = :event AND f.session_code = :session""")
                .params(tap)
                .query((rs, n) -> pass(rs, seatsInDefinition))
                .single();
    }

    /**
     * An offline admission settled after the room filled: the person is inside, so they are recorded there
     * (attendance, a tap ADMITTED and marked over capacity) and counted in {@code session_fill.over_capacity}, never
     * dropped and never given a seat that is not there. Locks the seat counter first, then the attendance entry, as
     * {@link #tryForASeat} does. Someone inside already (a second door, meanwhile) is a re-entry and counts nothing.
     */
    private SessionPass overCapacity(Map<String, Object> tap, int seatsInDefinition) {
        return jdbc.sql("""
                        WITH fill AS (
                            SELECT admitted, capacity FROM session_fill
                            WHERE event_id = :event AND session_code = :session
                            FOR UPDATE),
                        entered AS (
                            INSERT INTO session_attendance (event_id, session_code, registration_id, first_at)
                            SELECT :event, :session, :registration, :at FROM fill
                            ON CONFLICT DO NOTHING
                            RETURNING 1),
                        counted AS (
                            UPDATE session_fill SET over_capacity = over_capacity + 1
                            WHERE event_id = :event AND session_code = :session AND EXISTS (SELECT 1 FROM entered)
                            RETURNING 1),
                        logged AS (
                            INSERT INTO tap (tap_id, event_id, point, registration_id, at, result, over_capacity)
                            SELECT :tap, :event, :point, :registration, :at, 'ADMITTED', EXISTS (SELECT 1 FROM counted)
                            RETURNING result, over_capacity)
                        SELECT l.result, f.admitted, f.capacity, NOT l.over_capacity, l.over_capacity
                        FROM logged l LEFT JOIN fill f ON true""")
                .params(tap)
                .query((rs, n) -> pass(rs, seatsInDefinition))
                .single();
    }

    private static SessionPass pass(ResultSet rs, int seatsInDefinition) throws SQLException {
        TapResult result = TapResult.valueOf(rs.getString(1));
        return new SessionPass(result,
                rs.getObject(2) == null ? 0 : rs.getInt(2),
                rs.getObject(3) == null ? seatsInDefinition : rs.getInt(3),
                result != TapResult.ADMITTED ? null : rs.getBoolean(4) ? TapAnswer.Entry.REENTRY : TapAnswer.Entry.FIRST,
                rs.getBoolean(5));
    }

    BoothPass atBooth(UUID tapId, long eventId, String booth, String point, RegistrationId registrationId, Instant at,
                      boolean mayEnter) {
        // taps synced late from an offline scanner may be older than ones already counted
        return jdbc.sql("""
                        WITH visit AS (
                            INSERT INTO booth_lead (event_id, booth_code, registration_id, first_visit_at, last_visit_at, visits)
                            SELECT :event, :booth, :registration, :at, :at, 1 WHERE :mayEnter
                            ON CONFLICT (event_id, booth_code, registration_id) DO UPDATE
                            SET visits = booth_lead.visits + 1,
                                first_visit_at = LEAST(booth_lead.first_visit_at, EXCLUDED.first_visit_at),
                                last_visit_at = GREATEST(booth_lead.last_visit_at, EXCLUDED.last_visit_at)
                            RETURNING visits),
                        logged AS (
                            INSERT INTO tap (tap_id, event_id, point, registration_id, at, result)
                            VALUES (:tap, :event, :point, :registration, :at,
                                    CASE WHEN :mayEnter THEN 'ADMITTED' ELSE 'NOT_CHECKED_IN' END)
                            RETURNING result)
                        SELECT l.result,
                               coalesce((SELECT visits FROM visit),
                                        (SELECT visits FROM booth_lead WHERE event_id = :event AND booth_code = :booth
                                                                          AND registration_id = :registration))
                        FROM logged l""")
                .param("event", eventId)
                .param("booth", booth)
                .param("registration", registrationId.value())
                .param("mayEnter", mayEnter)
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .param("tap", tapId)
                .param("point", point)
                .query((rs, n) -> new BoothPass(TapResult.valueOf(rs.getString(1)), (Integer) rs.getObject(2)))
                .single();
    }

    /**
     * A tap at an experience or demo zone: only the tap row (the zone's figures are counted from the taps), and the
     * attendee's visits there including this one.
     */
    BoothPass atZone(UUID tapId, long eventId, String point, RegistrationId registrationId, Instant at, boolean mayEnter) {
        return jdbc.sql("""
                        WITH logged AS (
                            INSERT INTO tap (tap_id, event_id, point, registration_id, at, result)
                            VALUES (:tap, :event, :point, :registration, :at,
                                    CASE WHEN :mayEnter THEN 'ADMITTED' ELSE 'NOT_CHECKED_IN' END)
                            RETURNING result)
                        SELECT l.result,
                               CASE WHEN :mayEnter THEN 1 + (SELECT count(*) FROM tap WHERE event_id = :event AND point = :point
                                                             AND registration_id = :registration AND result = 'ADMITTED') END
                        FROM logged l""")
                .param("event", eventId)
                .param("registration", registrationId.value())
                .param("mayEnter", mayEnter)
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .param("tap", tapId)
                .param("point", point)
                .query((rs, n) -> new BoothPass(TapResult.valueOf(rs.getString(1)), rs.getObject(2) == null ? null : rs.getInt(2)))
                .single();
    }
}
