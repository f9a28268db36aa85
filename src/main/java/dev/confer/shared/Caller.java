package dev.confer.shared;

import org.jspecify.annotations.Nullable;

/**
 * Who sent a request: the organizer (every event) or a staff member bound to one event, and for a
 * sponsor also to one booth.
 */
public record Caller(Role role, @Nullable String eventSlug, @Nullable String boothCode) {

    public static Caller organizer() {
        return new Caller(Role.ORGANIZER, null, null);
    }

    public boolean isOrganizer() {
        return role == Role.ORGANIZER;
    }

    public boolean mayActFor(String slug) {
        return isOrganizer() || slug.equals(eventSlug);
    }
}
