package dev.confer.access;

import java.time.Instant;

/**
 * A tap was answered ({@code point} as stored, e.g. {@code session:S101}; {@code at} is the scan time). Published after
 * the tap's statement committed, for observers such as the ops room's counters.
 */
public record TapRecorded(String eventSlug, String point, TapResult result, Instant at) {
}
