package dev.confer.access;

/** What the door shows after a tap. Only ADMITTED counts anything. */
public enum TapResult {
    /** In: a new seat, a re-entry, or a booth visit recorded. */
    ADMITTED,
    /** The session has no seat left; nothing counted. */
    FULL,
    /** No check-in at the desk for that day (or the registration is not confirmed); nothing counted. */
    NOT_CHECKED_IN,
    /** This tap id was already received; nothing counted again. */
    DUPLICATE
}
