package dev.confer.notifications;

/** A mail ready to send: both parts, and the QR code the HTML part shows inline as {@code cid:qr}. */
record ComposedMail(long outboxId, String recipient, String subject, String text, String html, byte[] qrPng) {

    static final String QR_CONTENT_ID = "qr";
}
