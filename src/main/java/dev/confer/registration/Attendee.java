package dev.confer.registration;

import dev.confer.shared.Language;
import dev.confer.shared.RegistrationId;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** A registration as other modules read it. */
public record Attendee(RegistrationId id, long eventId, String name, String email, @Nullable String company,
                       @Nullable String jobTitle, Language language, RegistrationStatus status,
                       @Nullable Long waitlistSeq, Instant registeredAt) {

    public boolean isConfirmed() {
        return status == RegistrationStatus.CONFIRMED;
    }

    public boolean isCancelled() {
        return status == RegistrationStatus.CANCELLED;
    }

    Attendee waitlisted(long seq) {
        return new Attendee(id, eventId, name, email, company, jobTitle, language, RegistrationStatus.WAITLISTED, seq,
                registeredAt);
    }
}
