package dev.confer.registration;

import dev.confer.shared.Language;
import dev.confer.shared.RegistrationId;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * A registration as other modules read it. {@code sponsorSharing} is the attendee's current consent to hand their
 * contact to the sponsors whose booths they visit; {@code erasedAt} is set once their personal data was anonymised.
 */
public record Attendee(RegistrationId id, long eventId, String name, String email, @Nullable String company,
                       @Nullable String jobTitle, Language language, RegistrationStatus status,
                       @Nullable Long waitlistSeq, Instant registeredAt, boolean sponsorSharing, @Nullable Instant erasedAt) {

    public Attendee(RegistrationId id, long eventId, String name, String email, @Nullable String company,
                    @Nullable String jobTitle, Language language, RegistrationStatus status,
                    @Nullable Long waitlistSeq, Instant registeredAt) {
        this(id, eventId, name, email, company, jobTitle, language, status, waitlistSeq, registeredAt, false, null);
    }

    public boolean isConfirmed() {
        return status == RegistrationStatus.CONFIRMED;
    }

    public boolean isCancelled() {
        return status == RegistrationStatus.CANCELLED;
    }

    public boolean isErased() {
        return erasedAt != null;
    }

    /** The contact may go to a sponsor: shared by choice, still registered, not erased. */
    public boolean sharesWithSponsors() {
        return sponsorSharing && !isCancelled() && !isErased();
    }

    Attendee waitlisted(long seq) {
        return new Attendee(id, eventId, name, email, company, jobTitle, language, RegistrationStatus.WAITLISTED, seq,
                registeredAt, sponsorSharing, erasedAt);
    }
}
