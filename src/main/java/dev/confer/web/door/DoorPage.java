package dev.confer.web.door;

import dev.confer.access.DoorCounts;
import dev.confer.access.DoorTaps;
import dev.confer.access.TapAnswer;
import dev.confer.access.TapRequest;
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

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The door in a browser: pick a session (today's, by time) or a booth, then a loop of scans, each
 * answered ADMITTED / FULL / NOT CHECKED IN on the whole screen. Every tap goes through {@link DoorTaps},
 * as the door API does; each rendered form carries a fresh tap id, so a double submit counts once.
 */
@Controller
class DoorPage {

    private final EventCatalog events;
    private final DoorTaps taps;
    private final DoorCounts counts;
    private final MessageSource messages;
    private final Clock clock;

    DoorPage(EventCatalog events, DoorTaps taps, DoorCounts counts, MessageSource messages, Clock clock) {
        this.events = events;
        this.taps = taps;
        this.counts = counts;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/door/{slug}")
    String points(@PathVariable String slug, Model model) {
        EventSchedule event = events.require(slug);
        LocalDate today = event.localDate(clock.instant());
        List<EventSchedule.Session> todays = event.sessions().stream().filter(s -> s.day().equals(today))
                .sorted(Comparator.comparing(EventSchedule.Session::start).thenComparing(EventSchedule.Session::code)).toList();
        model.addAttribute("event", event);
        model.addAttribute("today", today);
        model.addAttribute("sessions", todays.isEmpty() ? event.sessions() : todays);
        model.addAttribute("notToday", todays.isEmpty());
        model.addAttribute("counts", counts.sessions(event).stream()
                .collect(Collectors.toMap(DoorCounts.SessionCount::code, Function.identity())));
        return "door/points";
    }

    @GetMapping("/door/{slug}/{kind:session|booth}/{code}")
    String loop(@PathVariable String slug, @PathVariable String kind, @PathVariable String code, Model model) {
        EventSchedule event = events.require(slug);
        point(event, kind, code, model);
        return "door/loop";
    }

    @GetMapping("/door/{slug}/session/{code}/admitted")
    String admitted(@PathVariable String slug, @PathVariable String code, Model model) {
        EventSchedule event = events.require(slug);
        point(event, "session", code, model);
        return "door/loop :: admitted";
    }

    @PostMapping("/door/{slug}/{kind:session|booth}/{code}/taps")
    String tap(@PathVariable String slug, @PathVariable String kind, @PathVariable String code,
               @RequestParam(required = false) @Nullable String tapId, @RequestParam(required = false) @Nullable String scan,
               @AuthenticationPrincipal Caller caller, @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
               Locale locale, Model model) {
        EventSchedule event = events.require(slug);
        String text = scan == null ? "" : scan.strip();
        DoorVerdict verdict;
        DoorCounts.Seats seats = null;
        if (text.isEmpty()) {
            verdict = DoorVerdict.refused(messages.getMessage("door.scan-required", null, locale));
        } else {
            try {
                TapAnswer answer = taps.tap(event, caller, new TapRequest(tapId, null, kind + ":" + code, DoorVerdict.credential(text)));
                verdict = DoorVerdict.of(answer);
                if (answer.admitted() != null && answer.capacity() != null) {
                    seats = new DoorCounts.Seats(answer.admitted(), answer.capacity());
                }
            } catch (Rejection r) {
                verdict = DoorVerdict.refused(messages.getMessage(r.messageKey(), r.args(), r.messageKey(), locale));
            }
        }
        point(event, kind, code, model);
        if (seats != null) {
            model.addAttribute("seats", seats); // as the tap left them, without reading them again
        }
        model.addAttribute("verdict", verdict);
        model.addAttribute("htmx", htmx);
        return htmx != null ? "door/loop :: answer" : "door/loop";
    }

    /** The point's name, today's count for a session, and a fresh tap id for the next scan. */
    private void point(EventSchedule event, String kind, String code, Model model) {
        model.addAttribute("event", event);
        model.addAttribute("kind", kind);
        model.addAttribute("code", code);
        model.addAttribute("tapId", UUID.randomUUID().toString());
        if (kind.equals("session")) {
            EventSchedule.Session session = event.session(code).orElseThrow(() -> Rejection.notFound("access.unknown-session", code));
            model.addAttribute("eventSession", session); // "session" is the HTTP session in templates
            model.addAttribute("room", event.room(session.room()).orElse(null));
            model.addAttribute("seats", counts.seats(event, session));
        } else {
            model.addAttribute("booth", event.booth(code).orElseThrow(() -> Rejection.notFound("access.unknown-booth", code)));
        }
    }
}
