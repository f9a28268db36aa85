package dev.confer.access;

import dev.confer.events.EventDefined;
import dev.confer.events.EventSchedule;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Seats at session doors. {@code session_fill} holds one counter per session; {@code session_attendance}
 * holds who got in, so a re-entry does not take a second seat. The database decides every seat.
 */
@Repository
class SessionSeats {

    private final JdbcClient jdbc;

    SessionSeats(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Fill(int admitted, int capacity) {
    }

    /** Copies every session's seats from the definition, in the defining transaction. */
    @EventListener
    void on(EventDefined defined) {
        EventSchedule event = defined.schedule();
        if (event.sessions().isEmpty()) {
            return;
        }
        String[] codes = event.sessions().stream().map(EventSchedule.Session::code).toArray(String[]::new);
        Integer[] seats = event.sessions().stream().map(event::seatsAt).toArray(Integer[]::new);
        jdbc.sql("""
                        INSERT INTO session_fill (event_id, session_code, capacity)
                        SELECT ?, code, seats FROM unnest(?::text[], ?::integer[]) AS s(code, seats)
                        ON CONFLICT (event_id, session_code) DO UPDATE SET capacity = EXCLUDED.capacity""")
                .params(event.id(), codes, seats)
                .update();
    }

    /** Records the attendee as in the session; false if they were in already (a re-entry). */
    boolean enter(long eventId, String session, UUID registrationId, Instant at) {
        return jdbc.sql("""
                        INSERT INTO session_attendance (event_id, session_code, registration_id, first_at)
                        VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(eventId, session, registrationId, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .update() == 1;
    }

    /** Undoes {@link #enter} in the same transaction when no seat was left. */
    void leave(long eventId, String session, UUID registrationId) {
        jdbc.sql("DELETE FROM session_attendance WHERE event_id = ? AND session_code = ? AND registration_id = ?")
                .params(eventId, session, registrationId)
                .update();
    }

    /**
     * Takes one seat in a single statement, or none when the session is full. The row normally exists
     * (see {@link #on}); the insert branch only covers a session whose row was never created.
     */
    Optional<Fill> takeSeat(long eventId, String session, int seatsInDefinition) {
        return jdbc.sql("""
                        INSERT INTO session_fill (event_id, session_code, capacity, admitted)
                        SELECT ?, ?, ?, 1 WHERE ? > 0
                        ON CONFLICT (event_id, session_code) DO UPDATE SET admitted = session_fill.admitted + 1
                        WHERE session_fill.admitted < session_fill.capacity
                        RETURNING admitted, capacity""")
                .params(eventId, session, seatsInDefinition, seatsInDefinition)
                .query((rs, n) -> new Fill(rs.getInt(1), rs.getInt(2)))
                .optional();
    }

    Fill fill(long eventId, String session, int seatsInDefinition) {
        return jdbc.sql("SELECT admitted, capacity FROM session_fill WHERE event_id = ? AND session_code = ?")
                .params(eventId, session)
                .query((rs, n) -> new Fill(rs.getInt(1), rs.getInt(2)))
                .optional()
                .orElse(new Fill(0, seatsInDefinition));
    }

    Map<String, Fill> fills(long eventId) {
        Map<String, Fill> fills = new HashMap<>();
        jdbc.sql("SELECT session_code, admitted, capacity FROM session_fill WHERE event_id = ?")
                .param(eventId)
                .query(rs -> {
                    fills.put(rs.getString(1), new Fill(rs.getInt(2), rs.getInt(3)));
                });
        return fills;
    }
}
