package dev.confer.web.desk;

import dev.confer.checkin.DeskCheckin;
import org.jspecify.annotations.Nullable;

import java.time.format.DateTimeFormatter;

/**
 * What the desk shows after a scan: checked in now (green), already checked in earlier today (amber, with
 * the time in the event's zone), or refused (red, with the reason in words).
 */
record DeskVerdict(String result, String css, DeskCheckin.@Nullable CheckedIn checkedIn, @Nullable String at,
                   @Nullable String reason) {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    static DeskVerdict of(DeskCheckin.CheckedIn checkedIn) {
        return checkedIn.firstToday()
                ? new DeskVerdict("CHECKED_IN", "ok", checkedIn, CLOCK.format(checkedIn.checkedInAt()), null)
                : new DeskVerdict("ALREADY", "warn", checkedIn, CLOCK.format(checkedIn.checkedInAt()), null);
    }

    static DeskVerdict refused(String reason) {
        return new DeskVerdict("REJECTED", "no", null, null, reason);
    }
}
