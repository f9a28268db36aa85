package dev.confer.checkin;

import dev.confer.events.EventSchedule;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One attendee's check-in on one event day, as they see it on My ticket: when, the keynote seat they were
 * given (hall and seat) and the lunch voucher's code, each null when the day's stock had run out.
 */
public record AttendeeDay(LocalDate day, Instant checkedInAt, EventSchedule.@Nullable HallSeat keynoteSeat,
                          @Nullable String voucherCode, boolean voucherRedeemed) {
}
