package dev.confer.receivers;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * A receiver loan as the desk sees it: who has it (the attendee's name, for the desk to say it back), when it was lent
 * and, once back, returned; {@code out} and {@code left} are the event's receivers on loan and on the shelf after this
 * answer. {@code duplicate} marks the answer to a resent loan id or a second return (nothing changed).
 */
public record Loan(String id, String registrationId, @Nullable String name, Instant lentAt, @Nullable Instant returnedAt,
                   int out, int stock, int left, boolean duplicate) {
}
