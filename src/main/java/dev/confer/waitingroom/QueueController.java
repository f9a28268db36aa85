package dev.confer.waitingroom;

import dev.confer.events.EventCatalog;
import dev.confer.events.EventSchedule;
import dev.confer.shared.Rejection;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code POST /queue} takes a place at the back (anyone; each call is a new place, so calling again never helps),
 * {@code GET /queue/{id}} tells where it stands and hands out the pass once admitted; the organizer reads the
 * room's figures at {@code GET /queue}.
 */
@RestController
class QueueController {

    private final EventCatalog events;
    private final WaitingRoom room;

    QueueController(EventCatalog events, WaitingRoom room) {
        this.events = events;
        this.room = room;
    }

    record Joined(UUID id, long position, long etaSeconds, boolean soldOut, boolean waitlistOnly) {
    }

    record Standing(long position, long etaSeconds, @Nullable String pass, @Nullable Instant passExpiresAt, boolean expired,
                    long pollSeconds, boolean soldOut, boolean waitlistOnly) {
    }

    @PostMapping("/api/v1/events/{slug}/queue")
    @ResponseStatus(HttpStatus.CREATED)
    Joined join(@PathVariable String slug, HttpServletRequest request) {
        WaitingRoom.Place place = room.join(events.require(slug), request.getRemoteAddr());
        return new Joined(place.id(), place.position(), place.etaSeconds(), place.soldOut(), place.waitlistOnly());
    }

    @GetMapping("/api/v1/events/{slug}/queue/{id}")
    Standing look(@PathVariable String slug, @PathVariable UUID id) {
        EventSchedule event = events.require(slug);
        WaitingRoom.Place place = room.look(event, id).orElseThrow(() -> Rejection.notFound("queue.not-found", id));
        return new Standing(place.position(), place.etaSeconds(), place.pass(), place.passExpiresAt(), place.expired(),
                place.pollSeconds(), place.soldOut(), place.waitlistOnly());
    }

    @GetMapping("/api/v1/events/{slug}/queue")
    WaitingRoom.Overview overview(@PathVariable String slug) {
        return room.overview(events.require(slug));
    }
}
