package dev.confer.shared;

import org.jspecify.annotations.Nullable;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** When a device says a scan happened: ISO 8601 with an offset, or now when it does not say. */
public final class ScanTimes {

    private ScanTimes() {
    }

    /**
     * The scan time in {@code text}, or the clock's now for none; a 400 with {@code messageKey} (its argument the
     * text) for anything else, years outside 2000–2199 included (PostgreSQL and java.sql cannot hold every year).
     */
    public static Instant parse(@Nullable String text, Clock clock, String messageKey) {
        if (text == null || text.isBlank()) {
            return clock.instant();
        }
        try {
            OffsetDateTime at = OffsetDateTime.parse(text.strip());
            if (at.getYear() < 2000 || at.getYear() > 2199) {
                throw Rejection.badRequest(messageKey, text);
            }
            return at.toInstant();
        } catch (DateTimeParseException e) {
            throw Rejection.badRequest(messageKey, text);
        }
    }
}
