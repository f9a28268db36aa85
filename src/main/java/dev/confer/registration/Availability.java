package dev.confer.registration;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * Whether an event takes registrations now, and how many places and waitlist places it has left, as the
 * registration form shows it before submit. {@code opensAt} is set while registration has not opened yet.
 */
public record Availability(int capacity, int confirmed, int waitlist, int waiting, Phase phase, @Nullable Instant opensAt) {

    /** Where the registration window stands: before it, in it, after its closing time, after the event. */
    public enum Phase { NOT_OPEN, OPEN, CLOSED, OVER }

    /** What the form shows; CLOSED is the event being over, DEADLINE_PASSED the window's closing time. */
    public enum State { NOT_OPEN, OPEN, WAITLIST, FULL, DEADLINE_PASSED, CLOSED }

    public boolean closed() {
        return phase != Phase.OPEN;
    }

    public State state() {
        switch (phase) {
            case OVER -> {
                return State.CLOSED;
            }
            case CLOSED -> {
                return State.DEADLINE_PASSED;
            }
            case NOT_OPEN -> {
                return State.NOT_OPEN;
            }
            default -> {
            }
        }
        if (confirmed < capacity) {
            return State.OPEN;
        }
        return waiting < waitlist ? State.WAITLIST : State.FULL;
    }

    /** Whether the form is offered at all. */
    public boolean takesRegistrations() {
        State state = state();
        return state == State.OPEN || state == State.WAITLIST;
    }

    public int placesLeft() {
        return Math.max(0, capacity - confirmed);
    }

    public int waitlistLeft() {
        return Math.max(0, waitlist - waiting);
    }
}
