package dev.confer.ops;

import dev.confer.events.EventCatalog;
import dev.confer.events.EventSchedule;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * {@code GET/PUT /api/v1/events/{slug}/ops/delivery} (organizer): where the event's alerts go. The webhook is shown
 * only as set or not, since its URL is a secret.
 */
@RestController
class AlertRouteController {

    private final EventCatalog events;
    private final AlertRoutes routes;

    AlertRouteController(EventCatalog events, AlertRoutes routes) {
        this.events = events;
        this.routes = routes;
    }

    record RouteRequest(@Nullable List<String> mailTo, @Nullable String webhook, @Nullable String language) {
    }

    record RouteView(List<String> mailTo, boolean webhook, String language, String source) {

        static RouteView of(AlertRoutes.Route route) {
            return new RouteView(route.mailTo(), route.webhook() != null, route.language().code(), route.own() ? "event" : "settings");
        }
    }

    @GetMapping("/api/v1/events/{slug}/ops/delivery")
    RouteView get(@PathVariable String slug) {
        return RouteView.of(routes.of(events.require(slug).id()));
    }

    @PutMapping("/api/v1/events/{slug}/ops/delivery")
    RouteView put(@PathVariable String slug, @RequestBody RouteRequest request) {
        EventSchedule event = events.require(slug);
        return RouteView.of(routes.set(event.id(), request.mailTo(), request.webhook(), request.language()));
    }
}
