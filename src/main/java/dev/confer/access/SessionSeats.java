package dev.confer.access;

import dev.confer.events.EventDefined;
import dev.confer.events.EventSchedule;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.HashMap;
import java.util.Map;

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

    record Fill(int admitted, int capacity, int overCapacity) {

        Fill(int admitted, int capacity) {
            this(admitted, capacity, 0);
        }
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

    Fill fill(long eventId, String session, int seatsInDefinition) {
        return jdbc.sql("SELECT admitted, capacity, over_capacity FROM session_fill WHERE event_id = ? AND session_code = ?")
                .params(eventId, session)
                .query((rs, n) -> new Fill(rs.getInt(1), rs.getInt(2), rs.getInt(3)))
                .optional()
                .orElse(new Fill(0, seatsInDefinition));
    }

    /** Whether a door already let this attendee into the session (the first tap took their seat). */
    boolean inside(long eventId, String session, dev.confer.shared.RegistrationId attendee) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM session_attendance WHERE event_id = ? AND session_code = ? AND registration_id = ?)")
                .params(eventId, session, attendee.value())
                .query(Boolean.class)
                .single();
    }

    Map<String, Fill> fills(long eventId) {
        Map<String, Fill> fills = new HashMap<>();
        jdbc.sql("SELECT session_code, admitted, capacity, over_capacity FROM session_fill WHERE event_id = ?")
                .param(eventId)
                .query(rs -> {
                    fills.put(rs.getString(1), new Fill(rs.getInt(2), rs.getInt(3), rs.getInt(4)));
                });
        return fills;
    }
}
