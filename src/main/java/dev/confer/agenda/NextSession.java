package dev.confer.agenda;

import dev.confer.access.SeatsLeft;
import dev.confer.events.EventSchedule;
import org.jspecify.annotations.Nullable;

/**
 * The session an attendee should head to now: where it is (room, floor, the organizer's directions), whether
 * it has begun, the seats left at its door right now, and whether a door tap has already let this attendee in
 * (then a full room is no news to them).
 */
public record NextSession(PersonalAgenda.Entry entry, EventSchedule.@Nullable Room room, boolean running,
                          SeatsLeft.Seats seats, long minutesToStart, boolean inside) {

    /** Whole hours to the start (for "in 2 h 3 min"). */
    public long hoursToStart() {
        return minutesToStart / 60;
    }

    /** Minutes past the whole hours to the start. */
    public long minutesPastHours() {
        return minutesToStart % 60;
    }

    /** Below a fifth of the seats left: worth hurrying. */
    public boolean fillingUp() {
        return !inside && seats.capacity() > 0 && seats.left() > 0 && seats.left() < seats.capacity() * 0.2;
    }

    public boolean full() {
        return !inside && seats.capacity() > 0 && seats.left() == 0;
    }
}
