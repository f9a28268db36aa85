package dev.confer.checkin;

import java.time.LocalDate;

/** One event day at the desks: arrivals, lunch vouchers and keynote seats. */
public record DayCount(LocalDate day, int checkedIn, int voucherStock, int vouchersIssued, int vouchersRedeemed,
                       int keynoteSeats, int keynoteSeatsTaken) {
}
