package dev.confer.checkin;

import dev.confer.events.EventSchedule;
import dev.confer.registration.Attendee;
import dev.confer.registration.Registrations;
import dev.confer.shared.Rejection;
import dev.confer.tickets.Tickets;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The registration desk: a scanned ticket becomes the day's check-in, with a lunch voucher and a
 * keynote seat for the first arrivals. The database alone decides who was first, so any number of
 * app instances can serve the desks.
 */
@Service
class DeskCheckin {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Tickets tickets;
    private final Registrations registrations;
    private final CheckinStore store;
    private final TransactionTemplate transaction;

    DeskCheckin(Tickets tickets, Registrations registrations, CheckinStore store, TransactionTemplate transaction) {
        this.tickets = tickets;
        this.registrations = registrations;
        this.store = store;
        this.transaction = transaction;
    }

    private record Scan(Attendee attendee, boolean first, CheckinStore.Row row) {
    }

    record MealVoucher(String code) {
    }

    record KeynoteSeat(String hall, int seat) {
    }

    record CheckedIn(UUID registrationId, String name, @Nullable String company, LocalDate day, boolean firstToday,
                     OffsetDateTime checkedInAt, @Nullable MealVoucher mealVoucher, @Nullable KeynoteSeat keynoteSeat,
                     String badgeUrl) {
    }

    CheckedIn checkIn(EventSchedule event, String ticket, @Nullable String desk, Instant scannedAt) {
        Instant at = scannedAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS); // what PostgreSQL keeps
        UUID id = tickets.verify(event, ticket);
        EventSchedule.Day day = event.dayAt(at).orElseThrow(() -> outsideDoors(event, at));
        Scan scan = Objects.requireNonNull(transaction.execute(status -> {
            // held against a concurrent cancellation until this check-in commits
            Attendee attendee = registrations.findAndHold(event, id)
                    .orElseThrow(() -> Rejection.notFound("checkin.unknown-registration", id));
            requireConfirmed(attendee);
            if (!store.insertFirst(event.id(), id, day.date(), at, desk)) {
                return new Scan(attendee, false, store.find(id, day.date()).orElseThrow());
            }
            // last statement before commit: the day's stock row is the hot row every desk queues on
            CheckinStore.Taken taken = store.takeVoucherAndSeat(event.id(), id, day.date(), beforeKeynoteEnd(event, day, at))
                    .orElseThrow(() -> Rejection.conflict("checkin.day-removed", day.date()));
            return new Scan(attendee, true, new CheckinStore.Row(id, day.date(), at, taken.voucherNo(), null, taken.seatNo()));
        }));
        Attendee attendee = scan.attendee();
        boolean first = scan.first();
        CheckinStore.Row row = scan.row();
        return new CheckedIn(id, attendee.name(), attendee.company(), day.date(), first,
                row.checkedInAt().atZone(event.zone()).toOffsetDateTime(),
                row.voucherNo() == null ? null : new MealVoucher(new VoucherCode(day.date(), row.voucherNo()).toString()),
                keynoteSeat(day, row.seatNo()),
                "/api/v1/events/" + event.slug() + "/registrations/" + id + "/badge.pdf?day=" + day.date());
    }

    static void requireConfirmed(Attendee attendee) {
        switch (attendee.status()) {
            case CONFIRMED -> {
            }
            case CANCELLED -> throw Rejection.conflict("checkin.cancelled", attendee.name());
            case WAITLISTED -> throw Rejection.conflict("checkin.waitlisted", attendee.name());
        }
    }

    static @Nullable KeynoteSeat keynoteSeat(EventSchedule.Day day, @Nullable Integer seatNo) {
        if (seatNo == null || day.keynote() == null) {
            return null;
        }
        return day.keynote().seat(seatNo).map(s -> new KeynoteSeat(s.hall(), s.seat())).orElse(null);
    }

    private static boolean beforeKeynoteEnd(EventSchedule event, EventSchedule.Day day, Instant at) {
        EventSchedule.Keynote keynote = day.keynote();
        return keynote != null && at.isBefore(event.instant(day.date(), keynote.end()));
    }

    private static Rejection outsideDoors(EventSchedule event, Instant at) {
        String windows = event.days().stream()
                .map(d -> d.date() + " " + d.doorsOpen() + "–" + d.end())
                .collect(Collectors.joining(", "));
        return Rejection.conflict("checkin.outside-doors", LOCAL.format(at.atZone(event.zone())),
                Objects.toString(event.zone().getId()), windows);
    }
}
