package dev.confer.notifications;

import dev.confer.events.EventCatalog;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The organizer's list of an event's reminder mails (organizer token: SecurityConfig's default for /api). */
@RestController
class ReminderController {

    private final EventCatalog events;
    private final ReminderOverview overview;

    ReminderController(EventCatalog events, ReminderOverview overview) {
        this.events = events;
        this.overview = overview;
    }

    record Reminders(String slug, String timezone, List<ReminderOverview.Reminder> reminders) {
    }

    @GetMapping("/api/v1/events/{slug}/reminders")
    Reminders reminders(@PathVariable String slug) {
        var event = events.require(slug);
        return new Reminders(event.slug(), event.zone().getId(), overview.of(event));
    }
}
