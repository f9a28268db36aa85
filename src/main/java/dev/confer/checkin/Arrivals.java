package dev.confer.checkin;

import java.time.Instant;

/** Attendees checked in (first scan of their day) during the ten minutes starting at {@code from}. */
public record Arrivals(Instant from, int count) {
}
