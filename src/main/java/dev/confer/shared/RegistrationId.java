package dev.confer.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.UUID;

/**
 * Names one registration, the attendee's place at one event. Travels as its UUID text in URLs, JSON and
 * tickets' payloads; a path or body value that is not a UUID is refused as a bad request.
 */
public record RegistrationId(UUID value) implements Comparable<RegistrationId> {

    public RegistrationId {
        java.util.Objects.requireNonNull(value, "value");
    }

    public static RegistrationId random() {
        return new RegistrationId(UUID.randomUUID());
    }

    /** Parses the UUID text; {@link IllegalArgumentException} for anything else (Spring turns it into a 400). */
    @JsonCreator
    public static RegistrationId of(String text) {
        return new RegistrationId(UUID.fromString(text.strip()));
    }

    @Override
    public int compareTo(RegistrationId other) {
        return value.compareTo(other.value);
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
