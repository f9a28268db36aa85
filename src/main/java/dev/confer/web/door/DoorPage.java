package dev.confer.web.door;

import dev.confer.access.DoorCounts;
import dev.confer.access.RoomDoors;
import dev.confer.events.EventCatalog;
import dev.confer.events.EventSchedule;
import dev.confer.shared.Caller;
import dev.confer.shared.Rejection;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The door in a browser: pick a room (each shows the session its door is open for now, or the next one) or a
 * booth, then a loop of scans, each answered on the whole screen. A room's page follows its programme
 * ({@link RoomDoorPage}); a single session's or booth's page is here. Every tap goes through {@link DoorScans}, as
 * the door API takes it; each rendered form carries a fresh tap id, so a double submit counts once.
 */
@Controller
class DoorPage {

    private final EventCatalog events;
    private final DoorScans scans;
    private final DoorCounts counts;
    private final RoomDoors rooms;
    private final DoorProgramme programme;
    private final Clock clock;

    DoorPage(EventCatalog events, DoorScans scans, DoorCounts counts, RoomDoors rooms, DoorProgramme programme, Clock clock) {
        this.events = events;
        this.scans = scans;
        this.counts = counts;
        this.rooms = rooms;
        this.programme = programme;
        this.clock = clock;
    }

    /** A room on the picker: its door now (or next), with the seats of that session. */
    record RoomCard(EventSchedule.Room room, RoomDoors.RoomNow now, DoorCounts.@Nullable Seats seats) {
    }

    @GetMapping("/door/{slug}")
    String points(@PathVariable String slug, Model model) {
        EventSchedule event = events.require(slug);
        Instant now = clock.instant();
        List<RoomCard> cards = event.rooms().stream()
                .filter(r -> event.sessions().stream().anyMatch(s -> s.room().equals(r.code())))
                .map(r -> {
                    RoomDoors.RoomNow state = rooms.at(event, r.code(), now).orElseThrow();
                    DoorCounts.Seats seats = state.window() == null ? null : counts.seats(event, state.window().session());
                    return new RoomCard(r, state, seats);
                }).toList();
        model.addAttribute("event", event);
        model.addAttribute("rooms", cards);
        return "door/points";
    }

    @GetMapping("/door/{slug}/{kind:session|booth|zone}/{code}")
    String loop(@PathVariable String slug, @PathVariable String kind, @PathVariable String code, Locale locale, Model model) {
        EventSchedule event = events.require(slug);
        point(event, kind, code, locale, model);
        return "door/loop";
    }

    @GetMapping("/door/{slug}/session/{code}/admitted")
    String admitted(@PathVariable String slug, @PathVariable String code, Locale locale, Model model) {
        EventSchedule event = events.require(slug);
        point(event, "session", code, locale, model);
        return "door/loop :: admitted";
    }

    @PostMapping("/door/{slug}/{kind:session|booth|zone}/{code}/taps")
    String tap(@PathVariable String slug, @PathVariable String kind, @PathVariable String code,
               @RequestParam(required = false) @Nullable String tapId, @RequestParam(required = false) @Nullable String scan,
               @AuthenticationPrincipal Caller caller, @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
               Locale locale, Model model) {
        EventSchedule event = events.require(slug);
        DoorScans.Outcome outcome = scans.scan(event, caller, kind + ":" + code, tapId, scan, locale);
        point(event, kind, code, locale, model);
        if (outcome.seats() != null) {
            model.addAttribute("seats", outcome.seats()); // as the tap left them, without reading them again
        }
        model.addAttribute("verdict", outcome.verdict());
        model.addAttribute("htmx", htmx);
        return htmx != null ? "door/loop :: answer" : "door/loop";
    }

    /** The point's name, today's count for a session, its door window for offline use, and a fresh tap id. */
    private void point(EventSchedule event, String kind, String code, Locale locale, Model model) {
        model.addAttribute("event", event);
        model.addAttribute("kind", kind);
        model.addAttribute("code", code);
        model.addAttribute("tapId", UUID.randomUUID().toString());
        if (kind.equals("session")) {
            EventSchedule.Session session = event.session(code).orElseThrow(() -> Rejection.notFound("access.unknown-session", code));
            model.addAttribute("eventSession", session); // "session" is the HTTP session in templates
            model.addAttribute("room", event.room(session.room()).orElse(null));
            model.addAttribute("seats", counts.seats(event, session));
            model.addAttribute("windows", programme.json(event, rooms.windows(event, session.room()).stream()
                    .filter(w -> w.session().code().equals(code)).toList(), locale));
        } else if (kind.equals("zone")) {
            EventSchedule.Zone zone = event.zone(code).orElseThrow(() -> Rejection.notFound("access.unknown-zone", code));
            model.addAttribute("pointTitle", zone.name().in(locale));
            model.addAttribute("pointPlace", zone.location() != null ? code + " · " + zone.location() : code);
        } else {
            EventSchedule.Booth booth = event.booth(code).orElseThrow(() -> Rejection.notFound("access.unknown-booth", code));
            model.addAttribute("booth", booth);
            model.addAttribute("pointTitle", booth.sponsor().in(locale));
            model.addAttribute("pointPlace", booth.location() != null ? code + " · " + booth.location() : code);
        }
    }
}
