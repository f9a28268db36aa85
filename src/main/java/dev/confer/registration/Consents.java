package dev.confer.registration;

import org.jspecify.annotations.Nullable;

/**
 * An attendee's answers to the privacy notice: consent to processing (required where the event has a notice)
 * and the separate, optional consent to share their contact with the sponsors whose booths they visit.
 */
public record Consents(@Nullable Boolean processing, @Nullable Boolean sponsorSharing) {

    public boolean processingGiven() {
        return Boolean.TRUE.equals(processing);
    }

    public boolean sharingGiven() {
        return Boolean.TRUE.equals(sponsorSharing);
    }
}
