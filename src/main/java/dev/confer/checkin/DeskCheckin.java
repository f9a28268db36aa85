package dev.confer.checkin;

import dev.confer.shared.RegistrationId;
import dev.confer.events.EventSchedule;
import dev.confer.registration.Attendee;
import dev.confer.registration.Registrations;
import dev.confer.shared.Rejection;
import dev.confer.tickets.Tickets;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The registration desk: a scanned ticket becomes the day's check-in, with a lunch voucher and a
 * keynote seat for the first arrivals. The database alone decides who was first, so any number of
 * app instances can serve the desks.
 */
@Service
public class DeskCheckin {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Tickets tickets;
    private final Registrations registrations;
    private final CheckinStore store;
    private final Checkins checkins;
    private final FirstCheckins firstCheckins;
    private final ApplicationEventPublisher publisher;

    DeskCheckin(Tickets tickets, Registrations registrations, CheckinStore store, Checkins checkins,
                ApplicationEventPublisher publisher, FirstCheckins firstCheckins) {
        this.firstCheckins = firstCheckins;
        this.checkins = checkins;
        this.publisher = publisher;
        this.tickets = tickets;
        this.registrations = registrations;
        this.store = store;
    }

    public record MealVoucher(String code) {
    }

    public record KeynoteSeat(String hall, int seat) {
    }

    public record CheckedIn(RegistrationId registrationId, String name, @Nullable String company, LocalDate day, boolean firstToday,
                     OffsetDateTime checkedInAt, @Nullable MealVoucher mealVoucher, @Nullable KeynoteSeat keynoteSeat,
                     String badgeUrl) {
    }

    public CheckedIn checkIn(EventSchedule event, String ticket, @Nullable String desk, Instant scannedAt) {
        return checkIn(event, new Credential(ticket, null), null, desk, scannedAt);
    }

    /** Who is checking in: the signed QR ticket or the NFC chip of a badge printed (and bound) on an earlier day. */
    public record Credential(@Nullable String ticket, @Nullable String nfcUid) {
    }

    /**
     * A check-in by ticket or badge. {@code clientId} is the device's own id for this check-in: sent again (a lost
     * answer, a queue synced twice) it finds the check-in it created and is answered as the first sending was,
     * {@code firstToday} included; it counts once.
     */
    public CheckedIn checkIn(EventSchedule event, Credential credential, @Nullable UUID clientId, @Nullable String desk,
                             Instant scannedAt) {
        Instant at = scannedAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS); // what PostgreSQL keeps
        RegistrationId id = registrationOf(event, credential);
        if (clientId != null) {
            Optional<CheckedIn> sent = answeredBefore(event, id, clientId);
            if (sent.isPresent()) {
                return sent.get();
            }
        }
        EventSchedule.Day day = event.dayAt(at).orElseThrow(() -> outsideDoors(event, at));
        Attendee attendee = registrations.find(event, id)
                .orElseThrow(() -> Rejection.notFound("checkin.unknown-registration", id));
        requireConfirmed(attendee);
        Optional<CheckinStore.Taken> taken;
        try {
            boolean keynoteNotOver = beforeKeynoteEnd(event, day, at);
            taken = firstCheckins.checkInFirst(event.id(), id, day.date(), at, desk, keynoteNotOver, clientId);
        } catch (DuplicateKeyException e) {
            if (clientId != null) { // the same check-in, sent twice at once: the other sending was first
                Optional<CheckedIn> sent = answeredBefore(event, id, clientId);
                if (sent.isPresent()) {
                    return sent.get();
                }
            }
            taken = Optional.empty(); // a concurrent scan of the same ticket was first
        }
        boolean first = taken.isPresent();
        CheckinStore.Row row;
        if (first) {
            row = new CheckinStore.Row(id, day.date(), at, taken.get().voucherNo(), null, taken.get().seatNo());
            publisher.publishEvent(new CheckinRecorded(event.slug(), desk, at));
        } else {
            row = store.find(id, day.date()).orElseThrow(() -> whyNotCheckedIn(event, id, day));
        }
        return answer(event, attendee, day, row, first);
    }

    private Optional<CheckedIn> answeredBefore(EventSchedule event, RegistrationId id, UUID clientId) {
        Optional<CheckinStore.Row> row = store.findByClientId(event.id(), clientId);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        if (!row.get().registrationId().equals(id)) {
            throw Rejection.conflict("checkin.client-id-reused", clientId);
        }
        Attendee attendee = registrations.find(event, id).orElseThrow(() -> Rejection.notFound("checkin.unknown-registration", id));
        EventSchedule.Day day = event.day(row.get().day()).orElseThrow(() -> Rejection.conflict("checkin.day-removed", row.get().day()));
        return Optional.of(answer(event, attendee, day, row.get(), true));
    }

    private CheckedIn answer(EventSchedule event, Attendee attendee, EventSchedule.Day day, CheckinStore.Row row, boolean first) {
        RegistrationId id = attendee.id();
        return new CheckedIn(id, attendee.name(), attendee.company(), day.date(), first,
                row.checkedInAt().atZone(event.zone()).toOffsetDateTime(),
                row.voucherNo() == null ? null : new MealVoucher(new VoucherCode(day.date(), row.voucherNo()).text(event, tickets)),
                keynoteSeat(day, row.seatNo()),
                "/api/v1/events/" + event.slug() + "/registrations/" + id + "/badge.pdf?day=" + day.date());
    }

    /** Whose credential this is, or empty when the desk would refuse it (unreadable, forged, unknown badge). */
    public Optional<RegistrationId> whose(EventSchedule event, Credential credential) {
        try {
            return Optional.of(registrationOf(event, credential));
        } catch (Rejection refused) {
            return Optional.empty();
        }
    }

    /** 400 unless exactly one credential, 422 for a forged ticket, 404 for a badge bound to nobody. */
    private RegistrationId registrationOf(EventSchedule event, Credential credential) {
        String ticket = credential.ticket() == null || credential.ticket().isBlank() ? null : credential.ticket().strip();
        String uid = credential.nfcUid() == null || credential.nfcUid().isBlank() ? null : credential.nfcUid().strip();
        if (ticket != null && uid != null) {
            throw Rejection.badRequest("checkin.credential-both");
        }
        if (ticket != null) {
            return tickets.verify(event, ticket);
        }
        if (uid == null) {
            throw Rejection.badRequest("checkin.ticket-required");
        }
        return checkins.registrationForBadge(event.id(), uid)
                .orElseThrow(() -> Rejection.notFound("checkin.unknown-badge", uid));
    }

    /** Nothing was taken and there is no check-in: cancelled meanwhile, or the day just left the definition. */
    private Rejection whyNotCheckedIn(EventSchedule event, RegistrationId id, EventSchedule.Day day) {
        Attendee now = registrations.find(event, id).orElseThrow(() -> Rejection.notFound("checkin.unknown-registration", id));
        requireConfirmed(now);
        return Rejection.conflict("checkin.day-removed", day.date());
    }

    /** Refuses a ticket that no longer admits: cancelled, waitlisted, or revoked by the erasure of its holder's data. */
    static void requireConfirmed(Attendee attendee) {
        if (attendee.isErased()) {
            throw Rejection.conflict("checkin.revoked");
        }
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
