package dev.confer.receivers;

import org.jspecify.annotations.Nullable;

/**
 * A receiver lent at the desk: {@code id} is the device's own UUID for the loan (a resend after a lost answer lends
 * once; without one the server makes one and a resend is a second request), {@code credential} the attendee's
 * badge or ticket as in a tap.
 */
public record LoanRequest(@Nullable String id, @Nullable Credential credential) {

    /** Exactly one of the QR ticket's text or the badge chip's uid. */
    public record Credential(@Nullable String ticket, @Nullable String nfcUid) {
    }
}
