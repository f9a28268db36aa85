package dev.confer.registration;

import dev.confer.shared.Language;
import dev.confer.shared.RegistrationId;

/**
 * A waitlisted registration got a place: confirmed, or with {@code registration.verifyEmail} held PENDING
 * ({@code held}) until the link in its verification mail is opened (its address was never checked).
 */
public record Promoted(RegistrationId registrationId, long eventId, String eventSlug, Language language, boolean held) {

    public Promoted(RegistrationId registrationId, long eventId, String eventSlug, Language language) {
        this(registrationId, eventId, eventSlug, language, false);
    }
}
