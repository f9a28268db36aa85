package dev.confer.stats;

import dev.confer.events.EventCatalog;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The organizer's figures for one event (organizer token only; see SecurityConfig). */
@RestController
class StatsController {

    private final EventCatalog events;
    private final EventFigures figures;

    StatsController(EventCatalog events, EventFigures figures) {
        this.events = events;
        this.figures = figures;
    }

    @GetMapping("/api/v1/events/{slug}/stats")
    EventFigures.Report stats(@PathVariable String slug) {
        return figures.of(events.require(slug));
    }
}
