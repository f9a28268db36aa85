package dev.confer.registration;

public enum RegistrationStatus {
    CONFIRMED, WAITLISTED, CANCELLED
}
