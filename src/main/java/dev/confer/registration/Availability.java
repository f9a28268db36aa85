package dev.confer.registration;

/** How many places and waitlist places an event has left, as the registration form shows it before submit. */
public record Availability(int capacity, int confirmed, int waitlist, int waiting) {

    public enum State { OPEN, WAITLIST, FULL }

    public State state() {
        if (confirmed < capacity) {
            return State.OPEN;
        }
        return waiting < waitlist ? State.WAITLIST : State.FULL;
    }

    public int placesLeft() {
        return Math.max(0, capacity - confirmed);
    }
}
