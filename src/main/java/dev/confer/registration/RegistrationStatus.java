package dev.confer.registration;

public enum RegistrationStatus {
    CONFIRMED, WAITLISTED, CANCELLED,
    /** Holds a confirmed place until the e-mail address is verified (registration.verifyEmail), then CONFIRMED. */
    PENDING
}
