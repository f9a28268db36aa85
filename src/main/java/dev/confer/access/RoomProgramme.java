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

/**
 * What a door that follows a room shows: the session whose door is open now (from 30 minutes before it starts
 * until it ends, as taps are admitted), with its seats, and else the next one. DESK, DOOR, SPONSOR or organizer.
 */
@RestController
class RoomProgramme {

    private final EventCatalog events;
    private final SessionSeats seats;
    private final RoomDoors doors;
    private final Clock clock;

    RoomProgramme(EventCatalog events, SessionSeats seats, RoomDoors doors, Clock clock) {
        this.events = events;
        this.seats = seats;
        this.doors = doors;
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
        Instant now = clock.instant();
        RoomDoors.RoomNow state = doors.at(event, room, now).orElseThrow(() -> Rejection.notFound("access.unknown-room", room));
        RoomDoors.DoorWindow w = state.window();
        SessionNow session = w == null ? null : sessionNow(event, w, now);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new Now(room, state.room().name(), local(event, now), state.doorOpen(), session));
    }

    private SessionNow sessionNow(EventSchedule event, RoomDoors.DoorWindow w, Instant now) {
        EventSchedule.Session s = w.session();
        SessionSeats.Fill fill = seats.fill(event.id(), s.code(), event.seatsAt(s));
        return new SessionNow(s.code(), s.title(), w.point(), local(event, w.opens()), local(event, w.starts()),
                local(event, w.ends()), !now.isBefore(w.starts()), fill.admitted(), fill.capacity(), fill.overCapacity());
    }

    private static OffsetDateTime local(EventSchedule event, Instant instant) {
        return instant.atZone(event.zone()).toOffsetDateTime();
    }
}
