package dev.confer.checkin;

import dev.confer.shared.RegistrationId;
import dev.confer.events.EventSchedule;
import dev.confer.registration.Attendee;
import dev.confer.registration.Registrations;
import dev.confer.shared.Rejection;
import dev.confer.tickets.Tickets;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/** Lunch vouchers at the canteen: each one is good for exactly one meal. */
@Service
class LunchVouchers {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final CheckinStore store;
    private final Registrations registrations;

    private final Tickets tickets;

    LunchVouchers(CheckinStore store, Registrations registrations, Tickets tickets) {
        this.tickets = tickets;
        this.store = store;
        this.registrations = registrations;
    }

    record Redeemed(String code, LocalDate day, RegistrationId registrationId, String name, @Nullable String company,
                    OffsetDateTime redeemedAt) {
    }

    /**
     * Redeems a voucher on the day it was handed out (a day-one voucher buys no lunch on day two) and, when the day
     * has a lunch window, only inside it.
     */
    Redeemed redeem(EventSchedule event, String text, Instant at) {
        VoucherCode code = VoucherCode.parse(event, tickets, text).orElseThrow(() -> Rejection.notFound("voucher.unknown", text));
        LocalDate today = event.localDate(at);
        if (!today.equals(code.day())) {
            throw Rejection.conflict("voucher.other-day", code, code.day(), today);
        }
        EventSchedule.Lunch lunch = event.day(today).map(EventSchedule.Day::lunch).orElse(null);
        java.time.LocalTime now = at.atZone(event.zone()).toLocalTime();
        if (lunch != null && (now.isBefore(lunch.from()) || !now.isBefore(lunch.to()))) {
            // the window of the definition: the canteen serves lunch only then
            throw Rejection.conflict("voucher.outside-lunch", code, TIME.format(lunch.from()), TIME.format(lunch.to()),
                    TIME.format(now));
        }
        CheckinStore.Row row = store.redeem(event.id(), code, at).orElseThrow(() -> {
            CheckinStore.Row existing = store.findByVoucher(event.id(), code)
                    .orElseThrow(() -> Rejection.notFound("voucher.unknown", code));
            if (existing.voucherRedeemedAt() == null) {
                // not redeemed, yet not redeemable: its registration was cancelled after the check-in
                throw Rejection.conflict("voucher.cancelled", code);
            }
            var redeemedAt = Objects.requireNonNull(existing.voucherRedeemedAt()).atZone(event.zone());
            return Rejection.conflict("voucher.already-redeemed", code, TIME.format(redeemedAt), redeemedAt.toLocalDate());
        });
        Attendee attendee = registrations.find(event, row.registrationId()).orElseThrow();
        return new Redeemed(code.text(event, tickets), code.day(), attendee.id(), attendee.name(), attendee.company(),
                Objects.requireNonNull(row.voucherRedeemedAt()).atZone(event.zone()).toOffsetDateTime());
    }
}
