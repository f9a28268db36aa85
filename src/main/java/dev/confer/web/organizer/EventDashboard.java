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
 * One event's live dashboard, filtered to one day ({@code ?day=}; today by default while the event runs) or all
 * days ({@code ?day=all}). The page polls small fragments every five seconds: the headline figures (a polite live
 * region), the floor (arrivals chart, desks, fullest rooms) and, while their section is open, the session rooms
 * and booths.
 */
@Controller
class EventDashboard {

    private final EventCatalog events;
    private final Dashboard dashboard;
    private final ReminderOverview reminders;
    private final dev.confer.receivers.Receivers receivers;

    EventDashboard(EventCatalog events, Dashboard dashboard, ReminderOverview reminders, dev.confer.receivers.Receivers receivers) {
        this.receivers = receivers;
        this.events = events;
        this.dashboard = dashboard;
        this.reminders = reminders;
    }

    @GetMapping("/organizer/{slug}")
    String page(@PathVariable String slug, @RequestParam(required = false) @Nullable String imported,
                @RequestParam(required = false) @Nullable String day, Locale locale,
                @org.springframework.security.core.annotation.AuthenticationPrincipal dev.confer.shared.Caller caller, Model model) {
        EventSchedule event = events.require(slug);
        if (event.receivers() != null) { // receivers out and in stock, and the loans not back at a day's end
            model.addAttribute("receiverFigures", receivers.figures(event, caller));
        }
        model.addAttribute("view", dashboard.of(event, locale, dashboard.chosenDay(event, day)));
        model.addAttribute("reminders", reminders.of(event));
        model.addAttribute("imported", "created".equals(imported) || "replaced".equals(imported) ? imported : null);
        return "organizer/dashboard";
    }

    /**
     * One live part of the dashboard, re-read by its poll: the headline and floor always, the session rooms and booths
     * only while their section is open.
     */
    @GetMapping("/organizer/{slug}/live/{part:headline|floor|rooms|booths}")
    String live(@PathVariable String slug, @PathVariable String part, @RequestParam(required = false) @Nullable String day,
                Locale locale, Model model) {
        model.addAttribute("view", view(slug, day, locale));
        return "organizer/dashboard :: " + part;
    }

    private Dashboard.View view(String slug, @Nullable String day, Locale locale) {
        EventSchedule event = events.require(slug);
        return dashboard.of(event, locale, dashboard.chosenDay(event, day));
    }
}
