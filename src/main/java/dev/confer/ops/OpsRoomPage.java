package dev.confer.ops;

import dev.confer.events.EventCatalog;
import dev.confer.events.EventSchedule;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * The ops room, {@code /organizer/{slug}/ops}: open alerts on top with what was expected, then every desk and door as
 * a small chart with its band. The live part is polled every 10 s (htmx); acknowledging and muting are plain forms.
 */
@Controller
class OpsRoomPage {

    private final EventCatalog events;
    private final OpsAlerts alerts;
    private final OpsNotes notes;

    OpsRoomPage(EventCatalog events, OpsAlerts alerts, OpsNotes notes) {
        this.events = events;
        this.alerts = alerts;
        this.notes = notes;
    }

    @GetMapping("/organizer/{slug}/ops")
    String page(@PathVariable String slug, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate day,
                Model model) {
        model.addAttribute("view", view(slug, day));
        return "ops/room";
    }

    @GetMapping("/organizer/{slug}/ops/live")
    String live(@PathVariable String slug, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate day,
                Model model) {
        model.addAttribute("view", view(slug, day));
        return "ops/room :: live";
    }

    @PostMapping("/organizer/{slug}/ops/alerts/{id}/acknowledge")
    String acknowledge(@PathVariable String slug, @PathVariable String id, @RequestParam LocalDate day) {
        notes.acknowledge(events.require(slug).id(), id);
        return back(slug, day);
    }

    @PostMapping("/organizer/{slug}/ops/mute")
    String mute(@PathVariable String slug, @RequestParam String signal, @RequestParam String subject, @RequestParam LocalDate day,
                @RequestParam(defaultValue = "true") boolean mute) {
        long eventId = events.require(slug).id();
        if (mute) {
            notes.mute(eventId, signal, subject, day);
        } else {
            notes.unmute(eventId, signal, subject, day);
        }
        return back(slug, day);
    }

    private OpsRoomView.View view(String slug, @Nullable LocalDate day) {
        EventSchedule event = events.require(slug);
        OpsAlerts.Judged judged = alerts.of(event, day);
        return OpsRoomView.of(event, judged, notes.acknowledged(event.id()), notes.muted(event.id(), judged.floor().day()));
    }

    private static String back(String slug, LocalDate day) {
        return "redirect:/organizer/" + URLEncoder.encode(slug, StandardCharsets.UTF_8) + "/ops?day=" + day;
    }
}
