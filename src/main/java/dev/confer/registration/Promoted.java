package dev.confer.registration;

import java.util.UUID;

/** A waitlisted registration became confirmed. Published inside the promoting transaction. */
public record Promoted(UUID registrationId, long eventId, String eventSlug, String locale) {
}
