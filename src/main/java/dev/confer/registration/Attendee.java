package dev.confer.registration;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/** A registration as other modules read it. */
public record Attendee(UUID id, long eventId, String name, String email, @Nullable String company,
                       @Nullable String jobTitle, String locale, RegistrationStatus status,
                       @Nullable Long waitlistSeq, Instant registeredAt) {

    public boolean isConfirmed() {
        return status == RegistrationStatus.CONFIRMED;
    }
}
