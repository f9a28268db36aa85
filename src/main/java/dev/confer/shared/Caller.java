package dev.confer.shared;

import org.jspecify.annotations.Nullable;

/**
 * Who sent a request: the organizer (every event) or a staff member bound to one event, and for a
 * sponsor also to one booth. {@code tokenId} names the staff token (the access log records it).
 */
public record Caller(Role role, @Nullable String eventSlug, @Nullable String boothCode, @Nullable Long tokenId) {

    public Caller(Role role, @Nullable String eventSlug, @Nullable String boothCode) {
        this(role, eventSlug, boothCode, null);
    }

    public static Caller organizer() {
        return new Caller(Role.ORGANIZER, null, null);
    }

    public boolean isOrganizer() {
        return role == Role.ORGANIZER;
    }

    public boolean mayActFor(String slug) {
        return isOrganizer() || slug.equals(eventSlug);
    }

    /** Who this is in the access log: the role, the staff token's number and the booth, never a person. */
    public String actor() {
        StringBuilder who = new StringBuilder(role.name());
        if (tokenId != null) {
            who.append(" #").append(tokenId);
        }
        if (boothCode != null) {
            who.append(" (").append(boothCode).append(')');
        }
        return who.toString();
    }
}
