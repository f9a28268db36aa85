package dev.confer.checkin;

import dev.confer.events.EventSchedule;
import dev.confer.registration.Attendee;
import dev.confer.registration.Registrations;
import dev.confer.shared.Rejection;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.UUID;

/** Lunch vouchers at the canteen: each one is good for exactly one meal. */
@Service
class LunchVouchers {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final CheckinStore store;
    private final Registrations registrations;
    private final Clock clock;

    LunchVouchers(CheckinStore store, Registrations registrations, Clock clock) {
        this.store = store;
        this.registrations = registrations;
        this.clock = clock;
    }

    record Redeemed(String code, LocalDate day, UUID registrationId, String name, @Nullable String company,
                    OffsetDateTime redeemedAt) {
    }

    Redeemed redeem(EventSchedule event, String text) {
        VoucherCode code = VoucherCode.parse(event, text).orElseThrow(() -> Rejection.notFound("voucher.unknown", text));
        CheckinStore.Row row = store.redeem(event.id(), code, clock.instant()).orElseThrow(() -> {
            CheckinStore.Row existing = store.findByVoucher(event.id(), code)
                    .orElseThrow(() -> Rejection.notFound("voucher.unknown", code));
            var at = Objects.requireNonNull(existing.voucherRedeemedAt()).atZone(event.zone());
            return Rejection.conflict("voucher.already-redeemed", code, TIME.format(at), at.toLocalDate());
        });
        Attendee attendee = registrations.find(event, row.registrationId()).orElseThrow();
        return new Redeemed(code.toString(), code.day(), attendee.id(), attendee.name(), attendee.company(),
                Objects.requireNonNull(row.voucherRedeemedAt()).atZone(event.zone()).toOffsetDateTime());
    }
}
