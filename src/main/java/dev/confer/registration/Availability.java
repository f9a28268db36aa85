package dev.confer.registration;

/**
 * Whether an event takes registrations now, and how many places and waitlist places it has left, as the
 * registration form shows it before submit.
 */
public record Availability(int capacity, int confirmed, int waitlist, int waiting, boolean closed) {

    public enum State { OPEN, WAITLIST, FULL, CLOSED }

    public State state() {
        if (closed) {
            return State.CLOSED;
        }
        if (confirmed < capacity) {
            return State.OPEN;
        }
        return waiting < waitlist ? State.WAITLIST : State.FULL;
    }

    public int placesLeft() {
        return Math.max(0, capacity - confirmed);
    }

    public int waitlistLeft() {
        return Math.max(0, waitlist - waiting);
    }
}
