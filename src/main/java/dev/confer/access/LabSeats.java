package dev.confer.access;

import dev.confer.events.DefinitionGuard;
import dev.confer.events.EventDefined;
import dev.confer.events.EventSchedule;
import dev.confer.shared.RegistrationId;
import dev.confer.shared.Rejection.FieldProblem;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Hands-on lab seats reserved ahead: {@code lab_seats} (one row per lab: seats, reserved, the next waitlist number)
 * and {@code lab_reservation} (RESERVED or WAITING, with the order it came in). Every change locks the lab's row first
 * and runs in the caller's transaction. A lab has tens of seats and reservations trickle in over days, so holding its
 * row for the few statements of one reservation queues nobody for long (the rule for hot rows is about the event's
 * places and the doors).
 */
@Repository
class LabSeats implements DefinitionGuard {

    private final JdbcClient jdbc;
    private final org.springframework.context.ApplicationEventPublisher publisher;

    LabSeats(JdbcClient jdbc, org.springframework.context.ApplicationEventPublisher publisher) {
        this.publisher = publisher;
        this.jdbc = jdbc;
    }

    record Lab(int seats, int reserved) {
    }

    record Held(String status, long seq) {
    }

    record Count(String session, int seats, int reserved, int waiting) {
    }

    Optional<Lab> lock(long eventId, String session) {
        return jdbc.sql("SELECT seats, reserved FROM lab_seats WHERE event_id = ? AND session_code = ? FOR UPDATE")
                .params(eventId, session)
                .query((rs, n) -> new Lab(rs.getInt(1), rs.getInt(2))).optional();
    }

    Optional<Held> of(long eventId, String session, RegistrationId attendee) {
        return jdbc.sql("SELECT status, seq FROM lab_reservation WHERE event_id = ? AND session_code = ? AND registration_id = ?")
                .params(eventId, session, attendee.value())
                .query((rs, n) -> new Held(rs.getString(1), rs.getLong(2))).optional();
    }

    /** Takes a seat (the lab's row is locked) and records the reservation. */
    void reserve(long eventId, String session, RegistrationId attendee, Instant at) {
        long seq = jdbc.sql("""
                        UPDATE lab_seats SET reserved = reserved + 1, next_seq = next_seq + 1
                        WHERE event_id = ? AND session_code = ? RETURNING next_seq - 1""")
                .params(eventId, session).query(Long.class).single();
        insert(eventId, session, attendee, "RESERVED", seq, at);
    }

    /** Joins the lab's own waitlist (the lab's row is locked); answers the number in the queue. */
    long queue(long eventId, String session, RegistrationId attendee, Instant at) {
        long seq = jdbc.sql("UPDATE lab_seats SET next_seq = next_seq + 1 WHERE event_id = ? AND session_code = ? RETURNING next_seq - 1")
                .params(eventId, session).query(Long.class).single();
        insert(eventId, session, attendee, "WAITING", seq, at);
        return seq;
    }

    private void insert(long eventId, String session, RegistrationId attendee, String status, long seq, Instant at) {
        jdbc.sql("""
                        INSERT INTO lab_reservation (event_id, session_code, registration_id, status, seq, created_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(eventId, session, attendee.value(), status, seq, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .update();
    }

    /** Drops a reservation (the lab's row is locked); answers what it was. */
    Optional<String> drop(long eventId, String session, RegistrationId attendee) {
        return jdbc.sql("""
                        DELETE FROM lab_reservation WHERE event_id = ? AND session_code = ? AND registration_id = ?
                        RETURNING status""")
                .params(eventId, session, attendee.value()).query(String.class).optional();
    }

    /** Gives a free seat to the first waiting (FIFO by their number), or gives the seat back; answers who got it. */
    Optional<UUID> passOnSeat(long eventId, String session) {
        Optional<UUID> next = jdbc.sql("""
                        UPDATE lab_reservation SET status = 'RESERVED'
                        WHERE (event_id, session_code, registration_id) = (
                            SELECT event_id, session_code, registration_id FROM lab_reservation
                            WHERE event_id = ? AND session_code = ? AND status = 'WAITING' ORDER BY seq LIMIT 1)
                        RETURNING registration_id""")
                .params(eventId, session).query(UUID.class).optional();
        if (next.isEmpty()) {
            jdbc.sql("UPDATE lab_seats SET reserved = reserved - 1 WHERE event_id = ? AND session_code = ?")
                    .params(eventId, session).update();
        }
        return next;
    }

    /** The place in the lab's waitlist (1 = next), for a WAITING reservation. */
    int position(long eventId, String session, long seq) {
        return jdbc.sql("""
                        SELECT count(*) FROM lab_reservation
                        WHERE event_id = ? AND session_code = ? AND status = 'WAITING' AND seq <= ?""")
                .params(eventId, session, seq).query(Integer.class).single();
    }

    Map<String, Count> counts(long eventId) {
        Map<String, Count> counts = new HashMap<>();
        jdbc.sql("""
                        SELECT s.session_code, s.seats, s.reserved,
                               (SELECT count(*) FROM lab_reservation r WHERE r.event_id = s.event_id
                                  AND r.session_code = s.session_code AND r.status = 'WAITING')
                        FROM lab_seats s WHERE s.event_id = ?""")
                .param(eventId)
                .query(rs -> {
                    counts.put(rs.getString(1), new Count(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)));
                });
        return counts;
    }

    /** An attendee's reservations in this event: session code → RESERVED or WAITING with its number. */
    Map<String, Held> heldBy(long eventId, RegistrationId attendee) {
        Map<String, Held> held = new HashMap<>();
        jdbc.sql("SELECT session_code, status, seq FROM lab_reservation WHERE event_id = ? AND registration_id = ?")
                .params(eventId, attendee.value())
                .query(rs -> {
                    held.put(rs.getString(1), new Held(rs.getString(2), rs.getLong(3)));
                });
        return held;
    }

    /** A new definition may neither take reserved seats back nor drop a lab somebody holds or waits for. */
    @Override
    public List<FieldProblem> check(EventSchedule current, EventSchedule proposed) {
        List<FieldProblem> problems = new ArrayList<>();
        List<Count> locked = jdbc.sql("""
                        SELECT s.session_code, s.seats, s.reserved,
                               (SELECT count(*) FROM lab_reservation r WHERE r.event_id = s.event_id
                                  AND r.session_code = s.session_code AND r.status = 'WAITING')
                        FROM lab_seats s WHERE s.event_id = ? ORDER BY s.session_code FOR UPDATE OF s""")
                .param(current.id())
                .query((rs, n) -> new Count(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
                .list();
        for (Count held : locked) {
            if (held.reserved() == 0 && held.waiting() == 0) {
                continue;
            }
            int index = indexOf(proposed, held.session());
            EventSchedule.Session session = index < 0 ? null : proposed.sessions().get(index);
            if (session == null || session.preRegistration() == null) {
                problems.add(new FieldProblem(index < 0 ? "/sessions" : "/sessions/" + index + "/preRegistration",
                        "access.lab-has-reservations", held.session(), held.reserved() + held.waiting()));
            } else if (session.labSeats() < held.reserved()) {
                problems.add(new FieldProblem("/sessions/" + index + "/preRegistration/seats", "access.lab-below-reserved",
                        session.labSeats(), held.reserved(), held.session()));
            }
        }
        return problems;
    }

    /**
     * Copies every lab's seats from the definition in the defining transaction (after the giveaway stock in the lock
     * order, labs in the definition's session order); labs gone without reservations go; new seats go to the waitlist.
     */
    @EventListener
    void on(EventDefined defined) {
        EventSchedule event = defined.schedule();
        List<EventSchedule.Session> labs = event.sessions().stream().filter(s -> s.preRegistration() != null).toList();
        String[] codes = labs.stream().map(EventSchedule.Session::code).toArray(String[]::new);
        Integer[] seats = labs.stream().map(EventSchedule.Session::labSeats).toArray(Integer[]::new);
        jdbc.sql("""
                        DELETE FROM lab_seats s WHERE s.event_id = ? AND NOT (s.session_code = ANY (?::text[]))
                          AND NOT EXISTS (SELECT 1 FROM lab_reservation r WHERE r.event_id = s.event_id AND r.session_code = s.session_code)""")
                .params(event.id(), codes)
                .update();
        if (labs.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO lab_seats (event_id, session_code, seats)
                        SELECT ?, code, seats FROM unnest(?::text[], ?::integer[]) WITH ORDINALITY AS l(code, seats, n) ORDER BY n
                        ON CONFLICT (event_id, session_code) DO UPDATE SET seats = EXCLUDED.seats""")
                .params(event.id(), codes, seats)
                .update();
        // more seats than before: the waitlist moves up, first come first, and each one who moved up is told by mail
        jdbc.sql("""
                        WITH room AS (
                            SELECT session_code, seats - reserved AS free FROM lab_seats WHERE event_id = :event AND reserved < seats),
                        moving AS (
                            SELECT r.session_code, r.registration_id FROM (
                                SELECT session_code, registration_id,
                                       row_number() OVER (PARTITION BY session_code ORDER BY seq) AS n
                                FROM lab_reservation WHERE event_id = :event AND status = 'WAITING') r
                            JOIN room ON room.session_code = r.session_code AND r.n <= room.free),
                        promoted AS (
                            UPDATE lab_reservation l SET status = 'RESERVED' FROM moving m
                            WHERE l.event_id = :event AND l.session_code = m.session_code AND l.registration_id = m.registration_id
                            RETURNING l.session_code, l.registration_id),
                        counted AS (
                            UPDATE lab_seats s SET reserved = reserved + c.n
                            FROM (SELECT session_code, count(*) AS n FROM promoted GROUP BY session_code) c
                            WHERE s.event_id = :event AND s.session_code = c.session_code
                            RETURNING 1)
                        SELECT session_code, registration_id FROM promoted ORDER BY session_code""")
                .param("event", event.id())
                .query((rs, n) -> new LabSeatGiven(new RegistrationId(rs.getObject(2, UUID.class)), event.id(), event.slug(),
                        rs.getString(1)))
                .list()
                .forEach(publisher::publishEvent);
    }

    private static int indexOf(EventSchedule proposed, String code) {
        for (int i = 0; i < proposed.sessions().size(); i++) {
            if (proposed.sessions().get(i).code().equals(code)) {
                return i;
            }
        }
        return -1;
    }

}
