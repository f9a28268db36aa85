package dev.confer.registration;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Names a team registered together; travels as its UUID text. */
public record TeamId(UUID value) {

    public TeamId {
        Objects.requireNonNull(value, "value");
    }

    static TeamId random() {
        return new TeamId(UUID.randomUUID());
    }

    /** Parses the UUID text; {@link IllegalArgumentException} for anything else (a 400 in a path). */
    @JsonCreator
    public static TeamId of(String text) {
        return new TeamId(UUID.fromString(text.strip()));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
