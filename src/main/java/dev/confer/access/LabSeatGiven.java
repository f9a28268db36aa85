package dev.confer.access;

import dev.confer.shared.RegistrationId;

/** Someone waiting for a hands-on lab moved up to a reserved seat (a holder gave theirs up or was cancelled). */
public record LabSeatGiven(RegistrationId registrationId, long eventId, String eventSlug, String sessionCode) {
}
