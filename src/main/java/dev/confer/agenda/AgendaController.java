package dev.confer.agenda;

import com.fasterxml.jackson.annotation.JsonFormat;
import dev.confer.events.EventCatalog;
import dev.confer.events.EventSchedule;
import dev.confer.registration.Attendee;
import dev.confer.registration.RegistrationStatus;
import dev.confer.registration.Registrations;
import dev.confer.shared.Caller;
import dev.confer.shared.LocalizedText;
import dev.confer.shared.Rejection;
import dev.confer.tickets.Tickets;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The personal agenda over HTTP, for the holder of the registration's manage token (or the organizer), and
 * its calendar feed for whoever holds the feed's own read-only key (calendar apps).
 */
@RestController
class AgendaController {

    private final EventCatalog events;
    private final Agendas agendas;
    private final Tickets tickets;
    private final Registrations registrations;
    private final CalendarFeed calendar;
    private final Clock clock;

    AgendaController(EventCatalog events, Agendas agendas, Tickets tickets, Registrations registrations,
                     CalendarFeed calendar, Clock clock) {
        this.events = events;
        this.agendas = agendas;
        this.tickets = tickets;
        this.registrations = registrations;
        this.calendar = calendar;
        this.clock = clock;
    }

    record RoomView(String code, LocalizedText name, @Nullable String floor, @Nullable LocalizedText directions) {
    }

    record EntryView(String code, LocalizedText title, LocalDate day, @JsonFormat(pattern = "HH:mm") LocalTime start,
                     @JsonFormat(pattern = "HH:mm") LocalTime end, @Nullable RoomView room,
                     PersonalAgenda.Source source, List<String> clashesWith) {
    }

    record NextView(String code, boolean running, long minutesToStart, int seatsLeft, int capacity, boolean fillingUp,
                    boolean full) {
    }

    record AgendaView(List<EntryView> sessions, boolean nudge, String calendarUrl, @Nullable NextView next) {
    }

    record NudgeChange(@Nullable Boolean enabled) {
    }

    @GetMapping("/api/v1/events/{slug}/registrations/{id}/agenda")
    AgendaView get(@PathVariable String slug, @PathVariable UUID id, @AuthenticationPrincipal @Nullable Caller caller,
                   @RequestParam(name = "token", required = false) @Nullable String token,
                   @RequestHeader(name = "X-Manage-Token", required = false) @Nullable String headerToken) {
        EventSchedule event = holder(slug, id, caller, token, headerToken);
        return view(event, id, agendas.of(event, id));
    }

    @PutMapping("/api/v1/events/{slug}/registrations/{id}/agenda/stars/{code}")
    AgendaView star(@PathVariable String slug, @PathVariable UUID id, @PathVariable String code,
                    @AuthenticationPrincipal @Nullable Caller caller,
                    @RequestParam(name = "token", required = false) @Nullable String token,
                    @RequestHeader(name = "X-Manage-Token", required = false) @Nullable String headerToken) {
        EventSchedule event = holder(slug, id, caller, token, headerToken);
        return view(event, id, agendas.star(event, id, code));
    }

    @DeleteMapping("/api/v1/events/{slug}/registrations/{id}/agenda/stars/{code}")
    AgendaView unstar(@PathVariable String slug, @PathVariable UUID id, @PathVariable String code,
                      @AuthenticationPrincipal @Nullable Caller caller,
                      @RequestParam(name = "token", required = false) @Nullable String token,
                      @RequestHeader(name = "X-Manage-Token", required = false) @Nullable String headerToken) {
        EventSchedule event = holder(slug, id, caller, token, headerToken);
        return view(event, id, agendas.unstar(event, id, code));
    }

    @PutMapping("/api/v1/events/{slug}/registrations/{id}/agenda/nudge")
    AgendaView nudge(@PathVariable String slug, @PathVariable UUID id, @RequestBody NudgeChange body,
                     @AuthenticationPrincipal @Nullable Caller caller,
                     @RequestParam(name = "token", required = false) @Nullable String token,
                     @RequestHeader(name = "X-Manage-Token", required = false) @Nullable String headerToken) {
        EventSchedule event = holder(slug, id, caller, token, headerToken);
        if (body.enabled() == null) {
            throw new Rejection(400, "agenda.nudge-enabled-required",
                    List.of(new Rejection.FieldProblem("/enabled", "agenda.nudge-enabled-required")));
        }
        return view(event, id, agendas.nudge(event, id, body.enabled()));
    }

    /** The calendar feed: the key in the address is the only credential (calendar apps send nothing else). */
    @GetMapping("/api/v1/events/{slug}/registrations/{id}/agenda.ics")
    ResponseEntity<String> ics(@PathVariable String slug, @PathVariable UUID id,
                               @RequestParam(name = "key", required = false) @Nullable String key) {
        EventSchedule event = events.require(slug);
        if (!tickets.calendarKeyMatches(event, id, key)) {
            throw Rejection.notFound("agenda.calendar-not-found");
        }
        Attendee attendee = registrations.find(event, id).orElseThrow(() -> Rejection.notFound("agenda.calendar-not-found"));
        // a cancelled registration's sessions leave the attendee's calendar at its next poll
        PersonalAgenda agenda = attendee.status() == RegistrationStatus.CANCELLED
                ? new PersonalAgenda(List.of(), false) : agendas.of(event, id);
        String body = calendar.write(event, id, agenda, Locale.forLanguageTag(attendee.locale()), baseUrl(), clock.instant());
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("Content-Disposition", "inline; filename=\"" + event.slug() + "-agenda.ics\"")
                .body(body);
    }

    private EventSchedule holder(String slug, UUID id, @Nullable Caller caller, @Nullable String token, @Nullable String headerToken) {
        EventSchedule event = events.require(slug);
        tickets.requireHolderOrStaff(event, id, caller, token != null ? token : headerToken, "registration.token-required");
        return event;
    }

    private AgendaView view(EventSchedule event, UUID id, PersonalAgenda agenda) {
        List<EntryView> entries = agenda.entries().stream().map(e -> {
            EventSchedule.Session s = e.session();
            RoomView room = event.room(s.room()).map(r -> new RoomView(r.code(), r.name(), r.floor(), r.directions())).orElse(null);
            return new EntryView(s.code(), s.title(), s.day(), s.start(), s.end(), room, e.source(), e.clashesWith());
        }).toList();
        NextView next = agendas.next(event, agenda).map(n -> new NextView(n.entry().session().code(), n.running(),
                n.minutesToStart(), n.seats().left(), n.seats().capacity(), n.fillingUp(), n.full())).orElse(null);
        return new AgendaView(entries, agenda.nudge(), calendarUrl(event, id), next);
    }

    private String calendarUrl(EventSchedule event, UUID id) {
        return baseUrl() + "/api/v1/events/" + event.slug() + "/registrations/" + id + "/agenda.ics?key="
                + tickets.calendarKey(event, id);
    }

    private static String baseUrl() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }
}
