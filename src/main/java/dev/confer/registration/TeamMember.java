package dev.confer.registration;

import dev.confer.shared.RegistrationId;

/** One member of a {@link Team}: their own registration. */
public record TeamMember(RegistrationId registrationId, String name, String email, RegistrationStatus status) {
}
