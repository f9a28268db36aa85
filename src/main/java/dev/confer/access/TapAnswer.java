package dev.confer.access;

import org.jspecify.annotations.Nullable;

/**
 * The answer to one tap. At a session door {@code admitted}/{@code capacity} are the session's seats;
 * at a booth {@code visits} is this attendee's visit count there. A DUPLICATE also tells what the first
 * sending of the tap got, so a device that lost the first answer can still show it. {@code name} and
 * {@code company} say who it was; {@code entry} whether an admission was their first entry or a re-entry
 * (null when not admitted); {@code overCapacity} marks an offline admission settled after the room was full.
 */
public record TapAnswer(TapResult result, @Nullable Integer admitted, @Nullable Integer capacity, @Nullable Integer visits,
                        @Nullable TapResult firstResult, @Nullable String name, @Nullable String company,
                        @Nullable Entry entry, boolean overCapacity) {

    /** An admission: the first time in (a seat taken, a first booth visit), or back in again. */
    public enum Entry { FIRST, REENTRY }

    static TapAnswer atSession(TapResult result, SessionSeats.Fill fill, Who who, @Nullable Entry entry, boolean overCapacity) {
        return new TapAnswer(result, fill.admitted(), fill.capacity(), null, null, who.name(), who.company(),
                result == TapResult.ADMITTED ? entry : null, overCapacity);
    }

    static TapAnswer atBooth(TapResult result, @Nullable Integer visits, Who who) {
        Entry entry = result != TapResult.ADMITTED ? null : visits != null && visits > 1 ? Entry.REENTRY : Entry.FIRST;
        return new TapAnswer(result, null, null, visits, null, who.name(), who.company(), entry, false);
    }

    TapAnswer duplicateOf(TapResult first) {
        return new TapAnswer(TapResult.DUPLICATE, admitted, capacity, visits, first, name, company, null, false);
    }

    /** The person a tap was for, as the verdict names them. */
    record Who(@Nullable String name, @Nullable String company) {
    }
}
