package dev.confer.web.organizer;

import dev.confer.checkin.BadgePrints;
import dev.confer.events.EventCatalog;
import dev.confer.events.EventSchedule;
import dev.confer.shared.Caller;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The badge print log as a page: who printed whose badge at which desk and when, reprints marked (or only those). */
@Controller
class BadgePrintsPage {

    private final EventCatalog events;
    private final BadgePrints prints;

    BadgePrintsPage(EventCatalog events, BadgePrints prints) {
        this.events = events;
        this.prints = prints;
    }

    @GetMapping("/organizer/{slug}/badge-prints")
    String page(@PathVariable String slug, @RequestParam(defaultValue = "false") boolean reprints,
                @AuthenticationPrincipal Caller caller, Model model) {
        EventSchedule event = events.require(slug);
        model.addAttribute("event", event);
        model.addAttribute("reprintsOnly", reprints);
        model.addAttribute("prints", prints.named(event, reprints, 500, caller.actor()));
        return "organizer/badge-prints";
    }
}
