package dev.confer.registration;

import java.util.UUID;

/**
 * A team registered, all members with one {@code status}. Published inside the registering transaction,
 * after the {@link Registered} of every member.
 */
public record TeamRegistered(UUID teamId, long eventId, String eventSlug, UUID leadId, int memberCount,
                             RegistrationStatus status) {
}
