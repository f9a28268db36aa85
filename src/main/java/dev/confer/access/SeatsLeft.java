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

    public Seats at(EventSchedule event, EventSchedule.Session session) {
        SessionSeats.Fill fill = seats.fill(event.id(), session.code(), event.seatsAt(session));
        return new Seats(fill.capacity(), fill.admitted());
    }
}
