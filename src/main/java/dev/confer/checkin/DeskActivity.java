package dev.confer.checkin;

import java.time.Instant;

/**
 * One desk's check-ins on one day: how many, how many in the last ten minutes, and the last one. {@code desk}
 * is the name the desk sent with its check-ins ({@code web} for the desk pages).
 */
public record DeskActivity(String desk, int checkIns, int lastTenMinutes, Instant lastAt) {
}
