package dev.confer.web.site;

import dev.confer.access.SeatsLeft;
import dev.confer.events.EventCatalog;
import dev.confer.events.EventSchedule;
import dev.confer.shared.Rejection;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.stream.Collectors;

/**
 * The agenda grid (one tab per day, filters by track and language, search) and a session's own page with
 * its seats left. htmx asks for the results alone; without JavaScript the same GET renders the page.
 */
@Controller
class AgendaPage {

    private final EventCatalog events;
    private final SeatsLeft seats;
    private final Clock clock;
    private final dev.confer.access.LabReservations labs;

    AgendaPage(EventCatalog events, SeatsLeft seats, Clock clock, dev.confer.access.LabReservations labs) {
        this.labs = labs;
        this.events = events;
        this.seats = seats;
        this.clock = clock;
    }

    @GetMapping("/e/{slug}/agenda")
    String agenda(@PathVariable String slug, @RequestParam(required = false) @Nullable String day,
                  @RequestParam(required = false) @Nullable String track, @RequestParam(required = false) @Nullable String language,
                  @RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable String level,
                  @RequestParam(required = false) @Nullable String type, @RequestParam(required = false) @Nullable String tag,
                  @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
                  Model model, HttpServletResponse response) {
        EventSchedule event = events.require(slug);
        LocalDate shown = dayToShow(event, day);
        Timetable.Filter filter = new Timetable.Filter(blankToNull(track), blankToNull(language), blankToNull(q),
                level(level), blankToNull(type), blankToNull(tag));
        model.addAttribute("event", event);
        model.addAttribute("day", shown);
        model.addAttribute("filter", filter);
        model.addAttribute("timetable", Timetable.of(event, shown, filter));
        // a lab's reserved seats still free ("3 reserved seats left"), so attendees know whether to reserve on My ticket
        model.addAttribute("labLeft", labs.counts(event).stream().collect(java.util.stream.Collectors.toMap(
                dev.confer.access.LabReservations.LabCount::session, dev.confer.access.LabReservations.LabCount::left)));
        java.time.LocalDateTime now = java.time.LocalDateTime.now(clock.withZone(event.zone()));
        model.addAttribute("phone", PhoneAgenda.of(event, shown, filter, seats.all(event), now));
        model.addAttribute("tabs", event.days().stream().map(d -> new Tab(d.date(), agendaUrl(slug, d.date(), filter),
                d.date().equals(shown))).toList());
        model.addAttribute("keynote", event.day(shown).map(EventSchedule.Day::keynote).orElse(null));
        model.addAttribute("languages", event.sessions().stream().map(EventSchedule.Session::language).distinct().sorted().toList());
        model.addAttribute("levels", event.sessions().stream().map(EventSchedule.Session::level)
                .filter(java.util.Objects::nonNull).distinct().sorted().toList());
        model.addAttribute("types", event.sessions().stream().map(EventSchedule.Session::type)
                .filter(java.util.Objects::nonNull).distinct().sorted().toList());
        model.addAttribute("tags", event.sessions().stream().flatMap(s -> s.tags().stream()).distinct().sorted().toList());
        model.addAttribute("trackNames", event.tracks().stream()
                .collect(Collectors.toMap(EventSchedule.Track::code, EventSchedule.Track::name)));
        response.setHeader("Vary", "HX-Request");
        return htmx != null ? "site/agenda :: results" : "site/agenda";
    }

    @GetMapping("/e/{slug}/sessions/{code}")
    String session(@PathVariable String slug, @PathVariable String code, Model model) {
        EventSchedule event = events.require(slug);
        EventSchedule.Session session = event.session(code).orElseThrow(() -> Rejection.notFound("session.not-found", code));
        model.addAttribute("event", event);
        model.addAttribute("talk", session);
        model.addAttribute("room", event.room(session.room()).orElse(null));
        model.addAttribute("track", event.tracks().stream().filter(t -> t.code().equals(session.track())).findFirst().orElse(null));
        model.addAttribute("seats", seats.at(event, session));
        return "site/session";
    }

    /** The live part of the session page, polled every five seconds. */
    @GetMapping("/e/{slug}/sessions/{code}/seats")
    String seats(@PathVariable String slug, @PathVariable String code, Model model) {
        EventSchedule event = events.require(slug);
        EventSchedule.Session session = event.session(code).orElseThrow(() -> Rejection.notFound("session.not-found", code));
        model.addAttribute("event", event);
        model.addAttribute("talk", session);
        model.addAttribute("seats", seats.at(event, session));
        return "site/session :: seats";
    }

    /** A day's tab, keeping the visitor's filters. */
    record Tab(LocalDate date, String url, boolean current) {
    }

    private static String agendaUrl(String slug, LocalDate day, Timetable.Filter filter) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/e/{slug}/agenda").queryParam("day", day);
        if (filter.track() != null) {
            url.queryParam("track", filter.track());
        }
        if (filter.language() != null) {
            url.queryParam("language", filter.language());
        }
        if (filter.query() != null) {
            url.queryParam("q", filter.query());
        }
        if (filter.level() != null) {
            url.queryParam("level", filter.level());
        }
        if (filter.type() != null) {
            url.queryParam("type", filter.type());
        }
        if (filter.tag() != null) {
            url.queryParam("tag", filter.tag());
        }
        return url.buildAndExpand(slug).encode().toUriString();
    }

    /** The asked day if the event has it; else today while the event runs; else its first day. */
    private LocalDate dayToShow(EventSchedule event, @Nullable String asked) {
        if (asked != null) {
            try {
                LocalDate date = LocalDate.parse(asked);
                if (event.day(date).isPresent()) {
                    return date;
                }
            } catch (DateTimeException ignored) {
                // a mistyped day shows the default day
            }
        }
        LocalDate today = LocalDate.now(clock.withZone(event.zone()));
        return event.day(today).map(EventSchedule.Day::date).orElse(event.days().getFirst().date());
    }

    private static @Nullable Integer level(@Nullable String level) {
        return level != null && level.strip().matches("[1-4]00") ? Integer.valueOf(level.strip()) : null;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
