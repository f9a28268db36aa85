package dev.confer.shared;

import org.jspecify.annotations.Nullable;

/**
 * Who sent a request: the organizer (every event) or a staff member bound to one event, and for a
 * sponsor also to one booth. {@code tokenId} names the staff token (the access log records it), {@code label} is the
 * name the organizer gave it ("Desk 3, hall A").
 */
public record Caller(Role role, @Nullable String eventSlug, @Nullable String boothCode, @Nullable Long tokenId,
                     @Nullable String label) {

    public Caller(Role role, @Nullable String eventSlug, @Nullable String boothCode) {
        this(role, eventSlug, boothCode, null, null);
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

    /**
     * The desk name recorded with check-ins made on the desk pages under this sign-in: the token's label, else the
     * role and token number ({@code DESK #12}), so the dashboard and the ops room tell desks apart.
     */
    public String deskName() {
        String name = label == null || label.isBlank() ? actor() : label.strip();
        return name.length() > 100 ? name.substring(0, 100) : name;
    }
}
