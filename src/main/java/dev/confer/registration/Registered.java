package dev.confer.registration;

import dev.confer.shared.Language;
import dev.confer.shared.RegistrationId;

/** Someone registered (confirmed or waitlisted), alone or as a member of a team. */
public record Registered(RegistrationId registrationId, long eventId, String eventSlug, RegistrationStatus status,
                         Language language) {
}
