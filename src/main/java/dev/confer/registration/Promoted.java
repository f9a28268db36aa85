package dev.confer.registration;

import dev.confer.shared.Language;
import dev.confer.shared.RegistrationId;

/** A waitlisted registration became confirmed. */
public record Promoted(RegistrationId registrationId, long eventId, String eventSlug, Language language) {
}
