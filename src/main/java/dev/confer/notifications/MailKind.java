package dev.confer.notifications;

/** Why a mail goes out; stored in {@code mail_outbox.kind}. */
enum MailKind {
    /** Registered with a confirmed place. */
    CONFIRMATION,
    /** Registered onto the waitlist. */
    WAITLIST,
    /** Moved from the waitlist to a confirmed place. */
    PROMOTION
}
