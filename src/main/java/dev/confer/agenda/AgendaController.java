package dev.confer.agenda;

import dev.confer.shared.RegistrationId;
import com.fasterxml.jackson.annotation.JsonFormat;
import dev.confer.events.EventCatalog;
import dev.confer.events.EventSchedule;
import dev.confer.registration.Attendee;
import dev.confer.registration.RegistrationStatus;
import dev.confer.registration.Registrations;
import dev.confer.shared.LocalizedText;
import dev.confer.shared.Rejection;
import dev.confer.tickets.Holder;
import dev.confer.tickets.ManageTokens;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.beans.factory.annotation.Value;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * The personal agenda over HTTP, for the holder of the registration's manage token (or the organizer), and
 * its calendar feed for whoever holds the feed's own read-only key (calendar apps).
 */
@RestController
class AgendaController {

    private final EventCatalog events;
    private final Agendas agendas;
    private final ManageTokens manageTokens;
    private final Registrations registrations;
    private final CalendarFeed calendar;
    private final Clock clock;

    private final String publicUrl;

    AgendaController(EventCatalog events, Agendas agendas, ManageTokens manageTokens, Registrations registrations,
                     CalendarFeed calendar, Clock clock, @Value("${confer.public-url:}") String publicUrl) {
        this.publicUrl = publicUrl;
        this.events = events;
        this.agendas = agendas;
        this.manageTokens = manageTokens;
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
                    boolean full, boolean inside) {
    }

    record AgendaView(List<EntryView> sessions, boolean nudge, String calendarUrl, @Nullable NextView next) {
    }

    record NudgeChange(@Nullable Boolean enabled) {
    }

    @GetMapping("/api/v1/events/{slug}/registrations/{id}/agenda")
    AgendaView get(Holder holder) {
        return view(holder.event(), holder.id(), agendas.of(holder.event(), holder.id()));
    }

    @PutMapping("/api/v1/events/{slug}/registrations/{id}/agenda/stars/{code}")
    AgendaView star(Holder holder, @PathVariable String code) {
        return view(holder.event(), holder.id(), agendas.star(holder.event(), holder.id(), code));
    }

    @DeleteMapping("/api/v1/events/{slug}/registrations/{id}/agenda/stars/{code}")
    AgendaView unstar(Holder holder, @PathVariable String code) {
        return view(holder.event(), holder.id(), agendas.unstar(holder.event(), holder.id(), code));
    }

    @PutMapping("/api/v1/events/{slug}/registrations/{id}/agenda/nudge")
    AgendaView nudge(Holder holder, @RequestBody NudgeChange body) {
        if (body.enabled() == null) {
            throw new Rejection(400, "agenda.nudge-enabled-required",
                    List.of(new Rejection.FieldProblem("/enabled", "agenda.nudge-enabled-required")));
        }
        return view(holder.event(), holder.id(), agendas.nudge(holder.event(), holder.id(), body.enabled()));
    }

    /** The calendar feed: the key in the address is the only credential (calendar apps send nothing else). */
    @GetMapping("/api/v1/events/{slug}/registrations/{id}/agenda.ics")
    ResponseEntity<String> ics(@PathVariable String slug, @PathVariable RegistrationId id,
                               @RequestParam(name = "key", required = false) @Nullable String key) {
        EventSchedule event = events.require(slug);
        if (!manageTokens.calendarKeyMatches(event, id, key)) {
            throw Rejection.notFound("agenda.calendar-not-found");
        }
        Attendee attendee = registrations.find(event, id).orElseThrow(() -> Rejection.notFound("agenda.calendar-not-found"));
        // a cancelled registration's sessions leave the attendee's calendar at its next poll
        PersonalAgenda agenda = attendee.status() == RegistrationStatus.CANCELLED
                ? new PersonalAgenda(List.of(), false) : agendas.of(event, id);
        String body = calendar.write(event, id, agenda, attendee.language().locale(), baseUrl(), clock.instant());
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("Content-Disposition", "inline; filename=\"" + event.slug() + "-agenda.ics\"")
                .body(body);
    }

    private AgendaView view(EventSchedule event, RegistrationId id, PersonalAgenda agenda) {
        List<EntryView> entries = agenda.entries().stream().map(e -> {
            EventSchedule.Session s = e.session();
            RoomView room = event.room(s.room()).map(r -> new RoomView(r.code(), r.name(), r.floor(), r.directions())).orElse(null);
            return new EntryView(s.code(), s.title(), s.day(), s.start(), s.end(), room, e.source(), e.clashesWith());
        }).toList();
        NextView next = agendas.next(event, agenda, id).map(n -> new NextView(n.entry().session().code(), n.running(),
                n.minutesToStart(), n.seats().left(), n.seats().capacity(), n.fillingUp(), n.full(), n.inside())).orElse(null);
        return new AgendaView(entries, agenda.nudge(), calendarUrl(event, id), next);
    }

    private String calendarUrl(EventSchedule event, RegistrationId id) {
        return baseUrl() + "/api/v1/events/" + event.slug() + "/registrations/" + id + "/agenda.ics?key="
                + manageTokens.calendarKey(event, id);
    }

    /** The configured public address (CONFER_PUBLIC_URL), so a forged Host header cannot point the feed elsewhere. */
    private String baseUrl() {
        return publicUrl.isBlank() ? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString()
                : publicUrl.replaceAll("/+$", "");
    }
}
