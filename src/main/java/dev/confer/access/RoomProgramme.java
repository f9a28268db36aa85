package dev.confer.access;

import dev.confer.events.EventCatalog;
import dev.confer.events.EventSchedule;
import dev.confer.shared.LocalizedText;
import dev.confer.shared.Rejection;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.Optional;

/**
 * What a door that follows a room shows: the session whose door is open now (from 30 minutes before it starts
 * until it ends, as taps are admitted), with its seats, and else the next one. DESK, DOOR, SPONSOR or organizer.
 */
@RestController
class RoomProgramme {

    private final EventCatalog events;
    private final SessionSeats seats;
    private final Clock clock;

    RoomProgramme(EventCatalog events, SessionSeats seats, Clock clock) {
        this.events = events;
        this.seats = seats;
        this.clock = clock;
    }

    /** {@code doorOpen}: taps for {@code session} are admitted now; else {@code session} is the next one (or null). */
    record Now(String room, LocalizedText roomName, OffsetDateTime now, boolean doorOpen, @Nullable SessionNow session) {
    }

    record SessionNow(String code, LocalizedText title, String point, OffsetDateTime opensAt, OffsetDateTime startsAt,
                      OffsetDateTime endsAt, boolean started, int admitted, int capacity, int overCapacity) {
    }

    @GetMapping("/api/v1/events/{slug}/rooms/{room}/now")
    ResponseEntity<Now> now(@PathVariable String slug, @PathVariable String room) {
        EventSchedule event = events.require(slug);
        EventSchedule.Room where = event.room(room).orElseThrow(() -> Rejection.notFound("access.unknown-room", room));
        Instant now = clock.instant();
        Optional<EventSchedule.Session> open = event.sessions().stream()
                .filter(s -> s.room().equals(room) && SessionWindow.of(event, s).admitsAt(now))
                .min(Comparator.comparing(s -> SessionWindow.of(event, s).starts())); // back-to-back: the earlier until it ends
        Optional<EventSchedule.Session> shown = open.isPresent() ? open : event.sessions().stream()
                .filter(s -> s.room().equals(room) && SessionWindow.of(event, s).opens().isAfter(now))
                .min(Comparator.comparing(s -> SessionWindow.of(event, s).opens()));
        SessionNow session = shown.map(s -> {
            SessionWindow w = SessionWindow.of(event, s);
            SessionSeats.Fill fill = seats.fill(event.id(), s.code(), event.seatsAt(s));
            return new SessionNow(s.code(), s.title(), "session:" + s.code(), local(event, w.opens()), local(event, w.starts()),
                    local(event, w.ends()), !now.isBefore(w.starts()), fill.admitted(), fill.capacity(), fill.overCapacity());
        }).orElse(null);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new Now(room, where.name(), local(event, now), open.isPresent(), session));
    }

    private static OffsetDateTime local(EventSchedule event, Instant instant) {
        return instant.atZone(event.zone()).toOffsetDateTime();
    }
}
