package dev.confer.checkin;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * A first check-in of the day was recorded ({@code at} is the scan time, {@code desk} as the device named itself).
 * Published after the check-in committed (it is one autocommitted statement), for observers such as the ops room's
 * counters; a resent check-in publishes nothing.
 */
public record CheckinRecorded(String eventSlug, @Nullable String desk, Instant at) {
}
