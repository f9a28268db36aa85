package dev.confer.access;

import dev.confer.events.EventSchedule;
import org.springframework.stereotype.Service;

/**
 * Seats still free at one session's door, for the public session page: one primary-key read, cheap
 * enough to be polled by everyone looking at the session.
 */
@Service
public class SeatsLeft {

    private final SessionSeats seats;

    SeatsLeft(SessionSeats seats) {
        this.seats = seats;
    }

    public record Seats(int capacity, int admitted) {

        public int left() {
            return Math.max(0, capacity - admitted);
        }
    }

    /** Every session's seats in one read, by session code (for pages that weigh several sessions at once). */
    public java.util.Map<String, Seats> all(EventSchedule event) {
        java.util.Map<String, SessionSeats.Fill> fills = seats.fills(event.id());
        java.util.Map<String, Seats> all = new java.util.HashMap<>();
        for (EventSchedule.Session session : event.sessions()) {
            SessionSeats.Fill fill = fills.get(session.code());
            all.put(session.code(), fill == null ? new Seats(event.seatsAt(session), 0) : new Seats(fill.capacity(), fill.admitted()));
        }
        return all;
    }

    public Seats at(EventSchedule event, EventSchedule.Session session) {
        SessionSeats.Fill fill = seats.fill(event.id(), session.code(), event.seatsAt(session));
        return new Seats(fill.capacity(), fill.admitted());
    }

    /** Whether a tap at the session's door has admitted this attendee: their seat is theirs, full or not. */
    public boolean inside(EventSchedule event, EventSchedule.Session session, dev.confer.shared.RegistrationId attendee) {
        return seats.inside(event.id(), session.code(), attendee);
    }
}
