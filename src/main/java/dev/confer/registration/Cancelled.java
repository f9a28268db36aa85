package dev.confer.registration;

import java.util.UUID;

/** A registration was cancelled. Published inside the cancelling transaction. */
public record Cancelled(UUID registrationId, long eventId, String eventSlug, RegistrationStatus previousStatus) {
}
