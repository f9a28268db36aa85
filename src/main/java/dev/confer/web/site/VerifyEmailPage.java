package dev.confer.web.site;

import dev.confer.events.EventCatalog;
import dev.confer.events.EventSchedule;
import dev.confer.registration.Attendee;
import dev.confer.registration.Registrations;
import dev.confer.registration.RegistrationStatus;
import dev.confer.shared.RegistrationId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The link in the verification mail (registration.verifyEmail). Opening it shows one button, so a mail scanner that
 * follows links confirms nothing; pressing it makes the held place CONFIRMED and goes on to My ticket.
 */
@Controller
class VerifyEmailPage {

    private final EventCatalog events;
    private final Registrations registrations;
    private final TicketHolder holder;

    VerifyEmailPage(EventCatalog events, Registrations registrations, TicketHolder holder) {
        this.events = events;
        this.registrations = registrations;
        this.holder = holder;
    }

    @GetMapping("/e/{slug}/verify/{id}")
    String page(@PathVariable String slug, @PathVariable RegistrationId id, @RequestParam(required = false) @Nullable String token,
                Model model) {
        EventSchedule event = events.require(slug);
        Attendee attendee = holder.require(event, id, token);
        if (attendee.status() != RegistrationStatus.PENDING) {
            return "redirect:" + TicketHolder.url(slug, id, token, "");
        }
        model.addAttribute("event", event);
        model.addAttribute("attendee", attendee);
        model.addAttribute("token", token);
        return "site/verify";
    }

    @PostMapping("/e/{slug}/verify/{id}")
    String verify(@PathVariable String slug, @PathVariable RegistrationId id, @RequestParam(required = false) @Nullable String token) {
        EventSchedule event = events.require(slug);
        holder.require(event, id, token);
        registrations.verify(event, id);
        return "redirect:" + TicketHolder.url(slug, id, token, "");
    }
}
