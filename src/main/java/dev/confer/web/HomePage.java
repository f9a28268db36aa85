package dev.confer.web;

import dev.confer.events.EventCatalog;
import dev.confer.events.EventSchedule;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The front door in a browser: every event, soonest first. */
@Controller
class HomePage {

    private final EventCatalog events;

    HomePage(EventCatalog events) {
        this.events = events;
    }

    @GetMapping(value = "/", produces = MediaType.TEXT_HTML_VALUE)
    String home(Model model) {
        List<EventSchedule> all = events.slugs().stream().map(events::find).flatMap(Optional::stream)
                .sorted(Comparator.comparing((EventSchedule e) -> e.days().getFirst().date()).thenComparing(EventSchedule::slug))
                .toList();
        model.addAttribute("events", all);
        return "web/home";
    }
}
