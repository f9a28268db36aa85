package dev.confer.web.site;

import dev.confer.shared.RegistrationId;
import dev.confer.agenda.Agendas;
import dev.confer.agenda.NextSession;
import dev.confer.agenda.PersonalAgenda;
import dev.confer.agenda.Slot;
import dev.confer.events.EventCatalog;
import dev.confer.events.EventSchedule;
import dev.confer.registration.Attendee;
import dev.confer.registration.RegistrationStatus;
import dev.confer.tickets.ManageTokens;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.beans.factory.annotation.Value;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * My agenda, under My ticket: the sessions on it (starred, or the team's plan) with their overlaps, the whole
 * programme to star from, the e-mail before each session, and the calendar feed to subscribe to. Plain forms
 * that come back to the same place on the page, so it works without JavaScript.
 */
@Controller
class MyAgendaPage {

    private final EventCatalog events;
    private final Agendas agendas;
    private final ManageTokens manageTokens;
    private final TicketHolder holder;
    private final Clock clock;

    private final String publicUrl;

    MyAgendaPage(EventCatalog events, Agendas agendas, ManageTokens manageTokens, TicketHolder holder, Clock clock,
                 @Value("${confer.public-url:}") String publicUrl) {
        this.publicUrl = publicUrl;
        this.events = events;
        this.agendas = agendas;
        this.manageTokens = manageTokens;
        this.holder = holder;
        this.clock = clock;
    }

    record ProgrammeSession(EventSchedule.Session session, EventSchedule.@Nullable Room room, boolean starred, boolean planned) {
    }

    record ProgrammeSlot(Slot slot, List<ProgrammeSession> sessions) {
    }

    record ProgrammeDay(LocalDate date, List<ProgrammeSlot> slots) {
    }

    @GetMapping("/e/{slug}/my-ticket/{id}/agenda")
    String agenda(@PathVariable String slug, @PathVariable RegistrationId id, @RequestParam(required = false) @Nullable String token,
                  Model model, Locale locale) {
        EventSchedule event = events.require(slug);
        Attendee attendee = holder.require(event, id, token);
        PersonalAgenda agenda = agendas.of(event, attendee);
        model.addAttribute("event", event);
        model.addAttribute("attendee", attendee);
        model.addAttribute("token", token);
        model.addAttribute("agenda", agenda);
        model.addAttribute("editable", attendee.status() != RegistrationStatus.CANCELLED);
        // per entry, the titles of the entries it overlaps, in the reader's language
        model.addAttribute("clashes", agenda.entries().stream().filter(PersonalAgenda.Entry::clashes).collect(Collectors.toMap(
                e -> e.session().code(), e -> e.clashesWith().stream().map(code -> event.session(code).orElseThrow().title()
                        .in(locale)).collect(Collectors.joining(", ")))));
        Map<String, EventSchedule.Room> rooms = event.rooms().stream().collect(Collectors.toMap(EventSchedule.Room::code, r -> r));
        model.addAttribute("rooms", rooms);
        model.addAttribute("programme", programme(event, agenda, rooms));
        model.addAttribute("next", agendas.next(event, agenda, id).orElse(null));
        model.addAttribute("today", event.localDate(clock.instant()));
        String feed = (publicUrl.isBlank() ? ServletUriComponentsBuilder.fromCurrentContextPath()
                : org.springframework.web.util.UriComponentsBuilder.fromUriString(publicUrl.replaceAll("/+$", "")))
                .path("/api/v1/events/{slug}/registrations/{id}/agenda.ics").queryParam("key", manageTokens.calendarKey(event, id))
                .buildAndExpand(slug, id).encode().toUriString();
        model.addAttribute("calendarUrl", feed);
        model.addAttribute("webcalUrl", feed.replaceFirst("^https?://", "webcal://"));
        return "site/my-agenda";
    }

    @PostMapping("/e/{slug}/my-ticket/{id}/agenda/stars")
    String star(@PathVariable String slug, @PathVariable RegistrationId id, @RequestParam(required = false) @Nullable String token,
                @RequestParam String code, @RequestParam boolean starred, RedirectAttributes redirect) {
        EventSchedule event = events.require(slug);
        holder.require(event, id, token);
        if (starred) {
            agendas.star(event, id, code);
        } else {
            agendas.unstar(event, id, code);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:" + TicketHolder.url(slug, id, token, "/agenda") + "#s-" + code;
    }

    @PostMapping("/e/{slug}/my-ticket/{id}/agenda/nudge")
    String nudge(@PathVariable String slug, @PathVariable RegistrationId id, @RequestParam(required = false) @Nullable String token,
                 @RequestParam(defaultValue = "false") boolean enabled, RedirectAttributes redirect) {
        EventSchedule event = events.require(slug);
        holder.require(event, id, token);
        agendas.nudge(event, id, enabled);
        redirect.addFlashAttribute("saved", true);
        return "redirect:" + TicketHolder.url(slug, id, token, "/agenda") + "#nudge";
    }

    /** The next-session card alone, polled by My ticket and My agenda. */
    @GetMapping("/e/{slug}/my-ticket/{id}/next")
    String next(@PathVariable String slug, @PathVariable RegistrationId id, @RequestParam(required = false) @Nullable String token,
                Model model) {
        EventSchedule event = events.require(slug);
        Attendee attendee = holder.require(event, id, token);
        NextSession next = agendas.next(event, agendas.of(event, attendee), id).orElse(null);
        model.addAttribute("event", event);
        model.addAttribute("attendee", attendee);
        model.addAttribute("token", token);
        model.addAttribute("next", next);
        model.addAttribute("today", event.localDate(clock.instant()));
        return "site/next-session :: card";
    }

    private static List<ProgrammeDay> programme(EventSchedule event, PersonalAgenda agenda, Map<String, EventSchedule.Room> rooms) {
        Map<LocalDate, List<ProgrammeSlot>> byDay = new java.util.TreeMap<>();
        for (Slot slot : Slot.all(event)) {
            List<ProgrammeSession> sessions = slot.sessions(event).stream().map(s -> new ProgrammeSession(s, rooms.get(s.room()),
                    agenda.starred(s.code()), agenda.planned(s.code()))).toList();
            byDay.computeIfAbsent(slot.day(), d -> new java.util.ArrayList<>()).add(new ProgrammeSlot(slot, sessions));
        }
        return byDay.entrySet().stream().map(e -> new ProgrammeDay(e.getKey(), e.getValue())).toList();
    }
}
