package dev.confer.access;

import dev.confer.events.EventSchedule;
import dev.confer.registration.Attendee;
import dev.confer.registration.Registrations;
import dev.confer.shared.LockConflicts;
import dev.confer.shared.RegistrationId;
import dev.confer.shared.Rejection;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Seats reserved ahead for hands-on labs ({@code "preRegistration": {"seats": N}}): a confirmed attendee reserves
 * until the lab starts; when its seats are taken they join the lab's own waitlist, which a cancelled reservation
 * serves first come, first served. Reserving again is the same reservation. The door admits holders first and
 * walk-ins into the seats nobody reserved ({@link Turnstile}).
 */
@Service
public class LabReservations {

    private final LabSeats seats;
    private final Registrations registrations;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher publisher;

    LabReservations(LabSeats seats, Registrations registrations, TransactionTemplate transaction, Clock clock,
                    org.springframework.context.ApplicationEventPublisher publisher) {
        this.publisher = publisher;
        this.seats = seats;
        this.registrations = registrations;
        this.transaction = transaction;
        this.clock = clock;
    }

    public enum Status { RESERVED, WAITING }

    /** One attendee's place at a lab: reserved, or waiting at {@code position} (1 = next). */
    public record Reservation(String session, Status status, @Nullable Integer position) {
    }

    /** A lab's seats as they stand. */
    public record LabCount(String session, int seats, int reserved, int waiting, int left) {
    }

    public Reservation reserve(EventSchedule event, RegistrationId attendee, String code) {
        EventSchedule.Session lab = lab(event, code);
        Attendee person = registrations.find(event, attendee).orElseThrow(() -> Rejection.notFound("registration.not-found", attendee));
        if (!person.isConfirmed()) {
            throw Rejection.conflict("access.lab-not-confirmed", code);
        }
        Instant now = clock.instant();
        if (!now.isBefore(event.instant(lab.day(), lab.start()))) {
            throw Rejection.conflict("access.lab-closed", code);
        }
        return Objects.requireNonNull(LockConflicts.retrying(3).invoke(() -> transaction.execute(status -> {
            LabSeats.Lab held = seats.lock(event.id(), code).orElseThrow(() -> Rejection.notFound("access.not-a-lab", code));
            Optional<LabSeats.Held> mine = seats.of(event.id(), code, attendee);
            if (mine.isPresent()) {
                return answer(event, code, mine.get());
            }
            if (held.reserved() < held.seats()) {
                seats.reserve(event.id(), code, attendee, now);
                return new Reservation(code, Status.RESERVED, null);
            }
            long seq = seats.queue(event.id(), code, attendee, now);
            return new Reservation(code, Status.WAITING, seats.position(event.id(), code, seq));
        })));
    }

    /** Gives the reservation (or the waitlist place) up; a freed seat goes to the first waiting. True if there was one. */
    public boolean cancel(EventSchedule event, RegistrationId attendee, String code) {
        lab(event, code);
        return Boolean.TRUE.equals(LockConflicts.retrying(3).invoke(() -> transaction.execute(status -> {
            if (seats.lock(event.id(), code).isEmpty()) {
                return false;
            }
            return give(event.id(), event.slug(), code, attendee);
        })));
    }

    /**
     * Gives up every lab seat and waiting place the attendee holds (a cancelled or erased registration): each freed
     * seat goes to the lab's first waiting. In the caller's transaction if there is one, else one per lab.
     */
    public void releaseAll(long eventId, String eventSlug, RegistrationId attendee) {
        for (String code : seats.heldBy(eventId, attendee).keySet().stream().sorted().toList()) {
            LockConflicts.retrying(3).invoke(() -> transaction.execute(status -> {
                if (seats.lock(eventId, code).isPresent()) {
                    give(eventId, eventSlug, code, attendee);
                }
                return null;
            }));
        }
    }

    /** With the lab's row locked: drops the attendee's place and passes a freed seat on (told by {@link LabSeatGiven}). */
    private boolean give(long eventId, String eventSlug, String code, RegistrationId attendee) {
        Optional<String> was = seats.drop(eventId, code, attendee);
        if (was.isPresent() && was.get().equals("RESERVED")) {
            seats.passOnSeat(eventId, code).ifPresent(next ->
                    publisher.publishEvent(new LabSeatGiven(new RegistrationId(next), eventId, eventSlug, code)));
        }
        return was.isPresent();
    }

    /** The attendee's reservations, in the definition's session order. */
    public List<Reservation> of(EventSchedule event, RegistrationId attendee) {
        Map<String, LabSeats.Held> held = seats.heldBy(event.id(), attendee);
        return event.sessions().stream().filter(s -> held.containsKey(s.code()))
                .map(s -> answer(event, s.code(), held.get(s.code()))).toList();
    }

    /** Every lab's seats, in the definition's order. */
    public List<LabCount> counts(EventSchedule event) {
        Map<String, LabSeats.Count> counts = seats.counts(event.id());
        return event.sessions().stream().filter(s -> s.preRegistration() != null).map(s -> {
            LabSeats.Count c = counts.get(s.code());
            int reserved = c == null ? 0 : c.reserved();
            return new LabCount(s.code(), s.labSeats(), reserved, c == null ? 0 : c.waiting(), Math.max(0, s.labSeats() - reserved));
        }).toList();
    }

    private Reservation answer(EventSchedule event, String code, LabSeats.Held held) {
        return held.status().equals("RESERVED") ? new Reservation(code, Status.RESERVED, null)
                : new Reservation(code, Status.WAITING, seats.position(event.id(), code, held.seq()));
    }

    private static EventSchedule.Session lab(EventSchedule event, String code) {
        EventSchedule.Session session = event.session(code).orElseThrow(() -> Rejection.notFound("access.unknown-session", code));
        if (session.preRegistration() == null) {
            throw Rejection.notFound("access.not-a-lab", code);
        }
        return session;
    }
}
