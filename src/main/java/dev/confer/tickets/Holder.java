package dev.confer.tickets;

import dev.confer.events.EventSchedule;
import dev.confer.shared.Caller;
import dev.confer.shared.RegistrationId;
import org.jspecify.annotations.Nullable;

/**
 * The registration named by the path's {@code {slug}} and {@code {id}}, already checked: the request came from
 * its holder (the manage token) or from the organizer. A handler that declares a parameter of this type gets
 * it from {@link HolderArguments}, or the request is refused before the handler runs (400, 401, 403, 404).
 */
public record Holder(EventSchedule event, RegistrationId id, @Nullable Caller caller) {

    /** True when the organizer (not the attendee) acts. */
    public boolean byStaff() {
        return caller != null;
    }
}
