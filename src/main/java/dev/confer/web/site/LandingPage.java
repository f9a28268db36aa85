package dev.confer.web.site;

import dev.confer.events.EventCatalog;
import dev.confer.events.EventSchedule;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** An event's front page: when, where, what, and whether one can still register. */
@Controller
class LandingPage {

    private final EventCatalog events;
    private final RegistrationWindow window;

    LandingPage(EventCatalog events, RegistrationWindow window) {
        this.events = events;
        this.window = window;
    }

    @GetMapping("/e/{slug}")
    String landing(@PathVariable String slug, Model model) {
        EventSchedule event = events.require(slug);
        RegistrationWindow.Now now = window.now(event);
        model.addAttribute("event", event);
        model.addAttribute("state", now.state().name());
        model.addAttribute("availability", now.availability());
        return "site/landing";
    }
}
