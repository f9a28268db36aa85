package dev.confer.agenda;

import dev.confer.shared.RegistrationId;

/**
 * A session an attendee starred, and asked to be told about, starts in about 15 minutes. Published once
 * per attendee inside the transaction of the job that found it, so the mail is queued exactly when the
 * job's run counts as done.
 */
public record StarredSessionSoon(RegistrationId registrationId, long eventId, String eventSlug, String sessionCode) {
}
