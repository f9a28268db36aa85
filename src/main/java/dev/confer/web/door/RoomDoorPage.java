package dev.confer.web.door;

import dev.confer.access.DoorCounts;
import dev.confer.access.RoomDoors;
import dev.confer.events.EventCatalog;
import dev.confer.events.EventSchedule;
import dev.confer.shared.Caller;
import dev.confer.shared.Rejection;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Instant;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

/**
 * A door that follows its room: the page shows the session whose door is open now (from 30 minutes before it starts
 * until it ends), else the next one, and switches by itself (the "now" part is polled; offline the page switches from
 * the windows it carries). A scan goes to the session whose door is open at that moment; with none open it is
 * answered NOT_NOW and nobody is admitted.
 */
@Controller
class RoomDoorPage {

    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final EventCatalog events;
    private final RoomDoors rooms;
    private final DoorCounts counts;
    private final DoorScans scans;
    private final DoorProgramme programme;
    private final MessageSource messages;
    private final Clock clock;

    RoomDoorPage(EventCatalog events, RoomDoors rooms, DoorCounts counts, DoorScans scans, DoorProgramme programme,
                 MessageSource messages, Clock clock) {
        this.events = events;
        this.rooms = rooms;
        this.counts = counts;
        this.scans = scans;
        this.programme = programme;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/door/{slug}/room/{room}")
    String page(@PathVariable String slug, @PathVariable String room, Locale locale, Model model) {
        EventSchedule event = events.require(slug);
        now(event, room, model);
        model.addAttribute("windows", programme.json(event, rooms.windows(event, room), locale));
        model.addAttribute("tapId", UUID.randomUUID().toString());
        return "door/room";
    }

    /** The part a door screen polls: the session now or next, its door, its seats. */
    @GetMapping("/door/{slug}/room/{room}/now")
    String polled(@PathVariable String slug, @PathVariable String room, Model model) {
        now(events.require(slug), room, model);
        return "door/room :: now";
    }

    @PostMapping("/door/{slug}/room/{room}/taps")
    String tap(@PathVariable String slug, @PathVariable String room, @RequestParam(required = false) @Nullable String tapId,
               @RequestParam(required = false) @Nullable String scan, @AuthenticationPrincipal Caller caller,
               @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Locale locale, Model model) {
        EventSchedule event = events.require(slug);
        RoomDoors.RoomNow state = now(event, room, model);
        RoomDoors.DoorWindow window = state.window();
        if (state.doorOpen() && window != null) {
            DoorScans.Outcome outcome = scans.scan(event, caller, window.point(), tapId, scan, locale);
            if (outcome.seats() != null) {
                model.addAttribute("seats", outcome.seats()); // as the tap left them, without reading them again
            }
            model.addAttribute("verdict", outcome.verdict());
        } else {
            String reason = window == null ? messages.getMessage("door.room.closed.none", null, locale)
                    : messages.getMessage("door.room.closed.next", new Object[] {window.session().title().in(locale),
                            HOURS.format(window.opens().atZone(event.zone()))}, locale);
            model.addAttribute("verdict", DoorVerdict.notNow(reason));
        }
        model.addAttribute("windows", programme.json(event, rooms.windows(event, room), locale));
        model.addAttribute("tapId", UUID.randomUUID().toString());
        model.addAttribute("htmx", htmx);
        return htmx != null ? "door/room :: answer" : "door/room";
    }

    private RoomDoors.RoomNow now(EventSchedule event, String room, Model model) {
        Instant now = clock.instant();
        RoomDoors.RoomNow state = rooms.at(event, room, now).orElseThrow(() -> Rejection.notFound("access.unknown-room", room));
        model.addAttribute("event", event);
        model.addAttribute("room", state.room());
        model.addAttribute("now", state);
        model.addAttribute("clock", CLOCK.format(now.atZone(event.zone())));
        RoomDoors.DoorWindow window = state.window();
        if (window != null) {
            model.addAttribute("eventSession", window.session());
            model.addAttribute("seats", counts.seats(event, window.session()));
            model.addAttribute("opensAt", HOURS.format(window.opens().atZone(event.zone())));
            model.addAttribute("endsAt", HOURS.format(window.ends().atZone(event.zone())));
            model.addAttribute("hours", HOURS.format(window.starts().atZone(event.zone())) + "–" + HOURS.format(window.ends().atZone(event.zone())));
        }
        return state;
    }
}
