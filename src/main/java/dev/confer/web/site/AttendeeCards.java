package dev.confer.web.site;

import dev.confer.agenda.Agendas;
import dev.confer.events.EventSchedule;
import dev.confer.registration.Attendee;
import dev.confer.registration.RegistrationStatus;
import dev.confer.registration.Teams;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import java.time.Clock;

/** The cards My ticket shows besides the ticket: the next session to head to, and the attendee's team. */
@Component
class AttendeeCards {

    private final Agendas agendas;
    private final Teams teams;
    private final Clock clock;

    AttendeeCards(Agendas agendas, Teams teams, Clock clock) {
        this.agendas = agendas;
        this.teams = teams;
        this.clock = clock;
    }

    void addTo(Model model, EventSchedule event, Attendee attendee) {
        if (attendee.status() == RegistrationStatus.CONFIRMED) {
            model.addAttribute("next", agendas.next(event, agendas.of(event, attendee), attendee.id()).orElse(null));
            model.addAttribute("today", event.localDate(clock.instant()));
        }
        teams.teamOf(attendee.id()).filter(t -> t.eventId() == event.id()).ifPresent(team -> model.addAttribute("team", team));
    }
}
