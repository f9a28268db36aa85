package dev.confer.notifications;

/** Why a mail goes out; stored in {@code mail_outbox.kind}. */
enum MailKind {
    /** Registered with a confirmed place. */
    CONFIRMATION,
    /** Registered with a place held until the address is verified (registration.verifyEmail): the link to verify. */
    VERIFY,
    /** Registered onto the waitlist. */
    WAITLIST,
    /** Moved from the waitlist to a confirmed place. */
    PROMOTION,
    /** The evening before the first day, to confirmed attendees; ref = the first day. */
    DAY_BEFORE,
    /** The morning of each day, to confirmed attendees; ref = the day. */
    MORNING_OF,
    /** The evening before the first day, to those still waitlisted; ref = the first day. */
    STILL_WAITLISTED,
    /** About 15 minutes before a starred session; ref = the session code. */
    SESSION_SOON,
    /** Moved up from a hands-on lab's waitlist to a reserved seat; ref = the lab's session code. */
    LAB_SEAT,
    /** An ops room alert to an organizer address (no registration); ref = the alert's id; composed when queued. */
    OPS_ALERT
}
