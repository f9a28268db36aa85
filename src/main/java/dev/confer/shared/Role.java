package dev.confer.shared;

/** What a token lets its holder do. */
public enum Role {
    ORGANIZER, DESK, DOOR, SPONSOR
}
