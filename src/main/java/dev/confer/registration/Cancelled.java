package dev.confer.registration;

import dev.confer.shared.RegistrationId;

/** A registration was cancelled (by its holder, the organizer, or a verification hold that ran out). */
public record Cancelled(RegistrationId registrationId, long eventId, String eventSlug) {
}
