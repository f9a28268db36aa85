package dev.confer.access;

import org.jspecify.annotations.Nullable;

/**
 * The answer to one tap. At a session door {@code admitted}/{@code capacity} are the session's seats;
 * at a booth {@code visits} is this attendee's visit count there. A DUPLICATE also tells what the first
 * sending of the tap got, so a device that lost the first answer can still show it.
 */
public record TapAnswer(TapResult result, @Nullable Integer admitted, @Nullable Integer capacity, @Nullable Integer visits,
                 @Nullable TapResult firstResult) {

    static TapAnswer atSession(TapResult result, SessionSeats.Fill fill) {
        return new TapAnswer(result, fill.admitted(), fill.capacity(), null, null);
    }

    static TapAnswer atBooth(TapResult result, @Nullable Integer visits) {
        return new TapAnswer(result, null, null, visits, null);
    }

    TapAnswer duplicateOf(TapResult first) {
        return new TapAnswer(TapResult.DUPLICATE, admitted, capacity, visits, first);
    }
}
