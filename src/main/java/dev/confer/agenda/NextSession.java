package dev.confer.agenda;

import dev.confer.access.SeatsLeft;
import dev.confer.events.EventSchedule;
import org.jspecify.annotations.Nullable;

/**
 * The session an attendee should head to now: where it is (room, floor, the organizer's directions), whether
 * it has begun, and the seats left at its door right now.
 */
public record NextSession(PersonalAgenda.Entry entry, EventSchedule.@Nullable Room room, boolean running,
                          SeatsLeft.Seats seats, long minutesToStart) {

    /** Below a fifth of the seats left: worth hurrying. */
    public boolean fillingUp() {
        return seats.capacity() > 0 && seats.left() > 0 && seats.left() < seats.capacity() * 0.2;
    }

    public boolean full() {
        return seats.capacity() > 0 && seats.left() == 0;
    }
}
