package dev.confer.agenda;

import dev.confer.shared.RegistrationId;
import dev.confer.access.SeatsLeft;
import dev.confer.events.EventSchedule;
import dev.confer.registration.Attendee;
import dev.confer.registration.RegistrationStatus;
import dev.confer.registration.Registrations;
import dev.confer.shared.Rejection;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Each attendee's own agenda: starring sessions, the team's plan where they starred nothing, clashes, the
 * next session to head to and the nudge by e-mail before each. Callers have checked who is asking (the
 * manage token of the registration, or staff).
 */
@Service
public class Agendas {

    private final AgendaStore store;
    private final Registrations registrations;
    private final TeamPlans plans;
    private final SeatsLeft seats;
    private final Clock clock;
    private final dev.confer.access.LabReservations labs;

    Agendas(AgendaStore store, Registrations registrations, TeamPlans plans, SeatsLeft seats, Clock clock,
            dev.confer.access.LabReservations labs) {
        this.labs = labs;
        this.store = store;
        this.registrations = registrations;
        this.plans = plans;
        this.seats = seats;
        this.clock = clock;
    }

    public PersonalAgenda of(EventSchedule event, RegistrationId registrationId) {
        attendee(event, registrationId);
        return build(event, registrationId);
    }

    /** The agenda of a registration the caller has already read (the pages under My ticket do). */
    public PersonalAgenda of(EventSchedule event, Attendee attendee) {
        if (attendee.eventId() != event.id()) {
            throw Rejection.notFound("registration.not-found", attendee.id());
        }
        return build(event, attendee.id());
    }

    /** Stars a session (again: nothing changes). */
    @Transactional
    public PersonalAgenda star(EventSchedule event, RegistrationId registrationId, String sessionCode) {
        EventSchedule.Session session = session(event, sessionCode);
        active(event, registrationId);
        store.star(event.id(), registrationId, session.code());
        return build(event, registrationId);
    }

    @Transactional
    public PersonalAgenda unstar(EventSchedule event, RegistrationId registrationId, String sessionCode) {
        session(event, sessionCode);
        active(event, registrationId);
        store.unstar(registrationId, sessionCode);
        return build(event, registrationId);
    }

    /** Turns the e-mail shortly before each session on the agenda on or off. */
    @Transactional
    public PersonalAgenda nudge(EventSchedule event, RegistrationId registrationId, boolean enabled) {
        active(event, registrationId);
        store.setNudge(event.id(), registrationId, enabled);
        return build(event, registrationId);
    }

    /** The session on the agenda running now or starting next, with its place and live seats; empty when none is left. */
    public Optional<NextSession> next(EventSchedule event, PersonalAgenda agenda, RegistrationId attendee) {
        Instant now = clock.instant();
        return agenda.next(event, now).map(entry -> {
            Instant start = event.instant(entry.session().day(), entry.session().start());
            boolean running = !now.isBefore(start);
            long minutes = running ? 0 : Duration.between(now, start).plusSeconds(59).toMinutes();
            return new NextSession(entry, event.room(entry.session().room()).orElse(null), running,
                    seats.at(event, entry.session()), minutes, seats.inside(event, entry.session(), attendee));
        });
    }

    private PersonalAgenda build(EventSchedule event, RegistrationId registrationId) {
        Set<String> starredCodes = store.starred(registrationId);
        // a lab seat reserved is on the agenda as if starred (and shown as a reservation)
        Set<String> reservedLabs = labs.of(event, registrationId).stream()
                .filter(r -> r.status() == dev.confer.access.LabReservations.Status.RESERVED)
                .map(dev.confer.access.LabReservations.Reservation::session).collect(java.util.stream.Collectors.toSet());
        List<EventSchedule.Session> starred = event.sessions().stream()
                .filter(s -> starredCodes.contains(s.code()) || reservedLabs.contains(s.code())).toList();
        Set<Slot> starredSlots = starred.stream().map(Slot::of).collect(java.util.stream.Collectors.toSet());
        List<EventSchedule.Session> planned = plans.planOf(event, registrationId).entrySet().stream()
                .filter(p -> !starredSlots.contains(p.getKey()))
                .map(p -> event.session(p.getValue()).orElse(null))
                .filter(java.util.Objects::nonNull).toList();
        return PersonalAgenda.of(starred, planned, store.nudge(registrationId), reservedLabs);
    }

    private Attendee attendee(EventSchedule event, RegistrationId registrationId) {
        return registrations.find(event, registrationId)
                .orElseThrow(() -> Rejection.notFound("registration.not-found", registrationId));
    }

    private void active(EventSchedule event, RegistrationId registrationId) {
        if (attendee(event, registrationId).status() == RegistrationStatus.CANCELLED) {
            throw Rejection.conflict("agenda.cancelled");
        }
    }

    private static EventSchedule.Session session(EventSchedule event, String code) {
        return event.session(code).orElseThrow(() -> Rejection.notFound("session.not-found", code));
    }
}
