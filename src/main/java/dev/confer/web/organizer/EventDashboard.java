package dev.confer.web.organizer;

import dev.confer.events.EventCatalog;
import dev.confer.events.EventSchedule;
import dev.confer.notifications.ReminderOverview;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Locale;

/**
 * One event's live dashboard. The page polls two small fragments every five seconds: the headline figures
 * (a polite live region) and the floor (arrivals chart, session fill, booth traffic).
 */
@Controller
class EventDashboard {

    private final EventCatalog events;
    private final Dashboard dashboard;
    private final ReminderOverview reminders;

    EventDashboard(EventCatalog events, Dashboard dashboard, ReminderOverview reminders) {
        this.events = events;
        this.dashboard = dashboard;
        this.reminders = reminders;
    }

    @GetMapping("/organizer/{slug}")
    String page(@PathVariable String slug, @RequestParam(required = false) @Nullable String imported, Locale locale, Model model) {
        EventSchedule event = events.require(slug);
        model.addAttribute("view", dashboard.of(event, locale));
        model.addAttribute("reminders", reminders.of(event));
        model.addAttribute("imported", "created".equals(imported) || "replaced".equals(imported) ? imported : null);
        return "organizer/dashboard";
    }

    @GetMapping("/organizer/{slug}/live/headline")
    String headline(@PathVariable String slug, Locale locale, Model model) {
        model.addAttribute("view", dashboard.of(events.require(slug), locale));
        return "organizer/dashboard :: headline";
    }

    @GetMapping("/organizer/{slug}/live/floor")
    String floor(@PathVariable String slug, Locale locale, Model model) {
        model.addAttribute("view", dashboard.of(events.require(slug), locale));
        return "organizer/dashboard :: floor";
    }
}
