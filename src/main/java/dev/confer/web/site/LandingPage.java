package dev.confer.web.site;

import dev.confer.events.EventCatalog;
import dev.confer.events.EventSchedule;
import dev.confer.registration.Availability;
import dev.confer.registration.Registrations;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** An event's front page: when, where, what, and whether one can still register. */
@Controller
class LandingPage {

    private final EventCatalog events;
    private final Registrations registrations;

    LandingPage(EventCatalog events, Registrations registrations) {
        this.events = events;
        this.registrations = registrations;
    }

    @GetMapping("/e/{slug}")
    String landing(@PathVariable String slug, Model model, java.util.Locale locale) {
        EventSchedule event = events.require(slug);
        if (event.about() != null) {
            model.addAttribute("pageDescription", event.about().in(locale));
        }
        Availability availability = registrations.availability(event);
        model.addAttribute("event", event);
        model.addAttribute("state", availability.state().name());
        model.addAttribute("availability", availability);
        if (availability.opensAt() != null) {
            // shown in event time; the countdown (confer.js) counts to the instant itself
            model.addAttribute("opensAtText", availability.opensAt().atZone(event.zone())
                    .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
            model.addAttribute("opensAtInstant", availability.opensAt().toString());
        }
        return "site/landing";
    }
}
