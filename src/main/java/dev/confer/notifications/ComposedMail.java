package dev.confer.notifications;

import org.jspecify.annotations.Nullable;

/**
 * A mail ready to send: both parts, the QR code the HTML part shows inline as {@code cid:qr}, and, for the mails
 * that carry the day, a calendar file (iCalendar text) attached as {@value #CALENDAR_FILE}.
 */
record ComposedMail(long outboxId, String recipient, String subject, String text, String html, byte[] qrPng,
                    @Nullable String calendar) {

    static final String QR_CONTENT_ID = "qr";
    static final String CALENDAR_FILE = "confer-event.ics";

    ComposedMail(long outboxId, String recipient, String subject, String text, String html, byte[] qrPng) {
        this(outboxId, recipient, subject, text, html, qrPng, null);
    }
}
