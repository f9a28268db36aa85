package dev.confer.registration;

import java.util.UUID;

/** One member of a {@link Team}: their own registration. */
public record TeamMember(UUID registrationId, String name, String email, RegistrationStatus status) {
}
