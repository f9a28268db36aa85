package dev.confer.registration;

import java.util.UUID;

/** Someone registered (confirmed or waitlisted). Published inside the registering transaction. */
public record Registered(UUID registrationId, long eventId, String eventSlug, RegistrationStatus status, String locale) {
}
