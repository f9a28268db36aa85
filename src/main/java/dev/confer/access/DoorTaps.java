package dev.confer.access;

import dev.confer.checkin.Checkins;
import dev.confer.events.EventSchedule;
import dev.confer.registration.Attendee;
import dev.confer.registration.Registrations;
import dev.confer.shared.Caller;
import dev.confer.shared.RegistrationId;
import dev.confer.shared.Rejection;
import dev.confer.shared.ScanTimes;
import dev.confer.shared.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One badge tap at a session door or a booth, decided by one statement against the database only
 * ({@link Turnstile}), so any number of app instances and devices may tap at once. A resent tap id is
 * a DUPLICATE and counts nothing. A tap of a cancelled (or never confirmed) registration is
 * answered NOT_CHECKED_IN like any other attendee the desk has not let in that day. The door follows the
 * room: a session's door admits from {@link SessionWindow#OPENS_BEFORE} before the session starts until it
 * ends (scan time), and a tap outside that window is refused (409, {@code result: NOT_NOW}), counting nothing.
 */
@Service
public class DoorTaps {

    private final Credentials credentials;
    private final Checkins checkins;
    private final Registrations registrations;
    private final TapLog log;
    private final SessionSeats seats;
    private final BoothVisits booths;
    private final Turnstile turnstile;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;
    private final OnlineTaps online;
    /**
     * A tap is one statement; it is tried again (three times in all) when it lost a race on a unique key to the
     * same attendee at another door, or when PostgreSQL chose it as a deadlock victim: the lost attempt changed nothing.
     */
    private final RetryTemplate attempts = new RetryTemplate(RetryPolicy.builder()
            .includes(DuplicateKeyException.class, PessimisticLockingFailureException.class).maxRetries(2)
            .delay(Duration.ofMillis(1)).jitter(Duration.ofMillis(1)).build());

    DoorTaps(Credentials credentials, Checkins checkins, Registrations registrations, TapLog log, SessionSeats seats,
             BoothVisits booths, Turnstile turnstile, Clock clock, ApplicationEventPublisher publisher, OnlineTaps online) {
        this.online = online;
        this.publisher = publisher;
        this.credentials = credentials;
        this.checkins = checkins;
        this.registrations = registrations;
        this.log = log;
        this.seats = seats;
        this.booths = booths;
        this.turnstile = turnstile;
        this.clock = clock;
    }

    public TapAnswer tap(EventSchedule event, Caller caller, TapRequest request) {
        return tap(event, caller, request, false);
    }

    /**
     * A tap that a door decided offline and a device now syncs: settled like a live tap, except that an admission
     * finding the room full is recorded over capacity (the person is inside) instead of FULL.
     */
    public TapAnswer settleOffline(EventSchedule event, Caller caller, TapRequest request) {
        return tap(event, caller, request, true);
    }

    private TapAnswer tap(EventSchedule event, Caller caller, TapRequest request, boolean admittedOffline) {
        Accepted tap = accept(event, caller, request);
        Decided decided = decide(tap, registrations.find(event, tap.attendee()),
                checkins.checkedIn(tap.attendee(), event.localDate(tap.at())));
        Supplier<TapAnswer> alone = () -> attempts.invoke(() -> pass(event, tap, decided, admittedOffline));
        TapAnswer answer = admittedOffline ? alone.get() // a sync batch groups its own taps (SyncedTaps)
                : online.pass(tap.point().text(), () -> pass(event, tap, decided, false), alone);
        recorded(event, tap, answer);
        return answer;
    }

    /** A tap whose request holds up (id, point, sponsor's booth, time, door window, credential); nothing read yet. */
    record Accepted(UUID tapId, TapPoint point, Instant at, RegistrationId attendee) {
    }

    /** What the tap's statement needs from the registration and the desk. */
    record Decided(boolean mayEnter, TapAnswer.Who who) {
    }

    /** Checks the request as the tap endpoint does (400/403/404/409/422 as it would answer); reads no table but an NFC badge's. */
    Accepted accept(EventSchedule event, Caller caller, TapRequest request) {
        UUID tapId = tapId(request.tapId());
        TapPoint point = TapPoint.parse(request.point(), event);
        if (caller.role() == Role.SPONSOR && !(point.kind() == TapPoint.Kind.BOOTH && point.code().equals(caller.boothCode()))) {
            throw Rejection.forbidden("access.other-booth", String.valueOf(caller.boothCode()), point.text());
        }
        Instant at = at(request.at());
        if (point.isSession()) {
            SessionWindow.require(event, event.session(point.code()).orElseThrow(), at);
        }
        return new Accepted(tapId, point, at, credentials.registrationOf(event, request.credential()));
    }

    /** Who may enter, from the attendee's registration and whether the desk let them in on the tap's day. */
    static Decided decide(Accepted tap, Optional<Attendee> person, boolean checkedInThatDay) {
        if (person.isPresent() && person.get().isErased()) { // its signature still holds, but the ticket was revoked
            throw Rejection.conflict("access.revoked");
        }
        // a booth learns who visited only from someone who shares their contact with sponsors
        Optional<Attendee> named = tap.point().kind() != TapPoint.Kind.BOOTH ? person : person.filter(Attendee::sharesWithSponsors);
        TapAnswer.Who who = new TapAnswer.Who(named.map(Attendee::name).orElse(null), named.map(Attendee::company).orElse(null));
        return new Decided(checkedInThatDay && person.map(Attendee::isConfirmed).orElse(false), who);
    }

    /**
     * The tap's statement (one attempt): a DUPLICATE when its id was recorded before; a {@link DuplicateKeyException}
     * when the same attendee came in through another door of the session at that moment (to be tried again).
     */
    TapAnswer pass(EventSchedule event, Accepted tap, Decided decided, boolean admittedOffline) {
        TapPoint point = tap.point();
        RegistrationId attendee = tap.attendee();
        boolean mayEnter = decided.mayEnter();
        TapAnswer.Who who = decided.who();
        try {
            if (point.isSession()) {
                int seatsInDefinition = event.seatsAt(event.session(point.code()).orElseThrow());
                Turnstile.SessionPass pass = turnstile.throughSessionDoor(tap.tapId(), event.id(), point.code(), point.text(),
                        attendee, tap.at(), mayEnter, seatsInDefinition, admittedOffline);
                return TapAnswer.atSession(pass.result(), new SessionSeats.Fill(pass.admitted(), pass.capacity()), who,
                        pass.entry(), pass.overCapacity());
            }
            if (point.kind() == TapPoint.Kind.ZONE) {
                Turnstile.BoothPass pass = turnstile.atZone(tap.tapId(), event.id(), point.text(), attendee, tap.at(), mayEnter);
                return TapAnswer.atBooth(pass.result(), pass.visits(), who);
            }
            Turnstile.BoothPass pass = turnstile.atBooth(tap.tapId(), event.id(), point.code(), point.text(), attendee, tap.at(), mayEnter);
            return TapAnswer.atBooth(pass.result(), pass.visits(), who);
        } catch (DuplicateKeyException e) {
            Optional<TapResult> first = log.resultOf(tap.tapId());
            if (first.isPresent()) {
                return standing(event, point, attendee, TapResult.DUPLICATE, who).duplicateOf(first.get());
            }
            // the same attendee came in through another door of this session at the same moment: again
            throw e;
        }
    }

    void recorded(EventSchedule event, Accepted tap, TapAnswer answer) {
        publisher.publishEvent(new TapRecorded(event.slug(), tap.point().text(), answer.result(), tap.at()));
    }

    /** The counts as they stand, for an answer that changed nothing. */
    private TapAnswer standing(EventSchedule event, TapPoint point, RegistrationId attendee, TapResult result, TapAnswer.Who who) {
        if (point.isSession()) {
            int seatsInDefinition = event.seatsAt(event.session(point.code()).orElseThrow());
            return TapAnswer.atSession(result, seats.fill(event.id(), point.code(), seatsInDefinition), who, null, false);
        }
        if (point.kind() == TapPoint.Kind.ZONE) {
            return TapAnswer.atBooth(result, log.zoneVisitsOf(event.id(), point.text(), attendee), who);
        }
        return TapAnswer.atBooth(result, booths.visitsOf(event.id(), point.code(), attendee), who);
    }

    private static UUID tapId(@Nullable String text) {
        if (text == null || text.isBlank()) {
            throw Rejection.badRequest("access.tap-id-required");
        }
        try {
            if (text.strip().length() != 36) {
                throw new IllegalArgumentException("not in the 8-4-4-4-12 form");
            }
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw Rejection.badRequest("access.tap-id-invalid", text);
        }
    }

    /** When the tap happened (a scanner that was offline sends it later); now if the device did not say. */
    private Instant at(@Nullable String text) {
        return ScanTimes.parse(text, clock, "access.bad-time");
    }
}
