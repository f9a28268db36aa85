package dev.confer.ops;

import dev.confer.events.EventCatalog;
import dev.confer.events.EventSchedule;
import org.jspecify.annotations.Nullable;
import dev.confer.shared.Rejection;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The ops room, {@code /organizer/{slug}/ops}: open alerts on top with what was expected, then every desk and door as
 * a small chart with its band. The live part is polled every 10 s (htmx); acknowledging, muting and where alerts are
 * delivered (mail addresses, webhook) are plain forms.
 */
@Controller
class OpsRoomPage {

    private final EventCatalog events;
    private final OpsAlerts alerts;
    private final OpsNotes notes;
    private final AlertRoutes routes;
    private final MessageSource messages;

    OpsRoomPage(EventCatalog events, OpsAlerts alerts, OpsNotes notes, AlertRoutes routes, MessageSource messages) {
        this.events = events;
        this.alerts = alerts;
        this.notes = notes;
        this.routes = routes;
        this.messages = messages;
    }

    /** The delivery form's state: the addresses one a line, whether a webhook is set (its URL is a secret), the language. */
    record Delivery(String mailTo, boolean webhook, String language, boolean own) {
    }

    @GetMapping("/organizer/{slug}/ops")
    String page(@PathVariable String slug, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate day,
                Model model) {
        OpsRoomView.View view = view(slug, day);
        model.addAttribute("view", view);
        AlertRoutes.Route route = routes.of(view.event().id());
        model.addAttribute("delivery", new Delivery(String.join("\n", route.mailTo()), route.webhook() != null,
                route.language().code(), route.own()));
        return "ops/room";
    }

    /**
     * The alert delivery form: the same checks as {@code PUT .../ops/delivery}. An empty webhook field keeps the
     * webhook set before (its URL is never shown); the box "remove" clears it. A refusal changes nothing and is shown.
     */
    @PostMapping("/organizer/{slug}/ops/delivery")
    String delivery(@PathVariable String slug, @RequestParam(defaultValue = "") String mailTo,
                    @RequestParam(defaultValue = "") String webhook, @RequestParam(defaultValue = "false") boolean removeWebhook,
                    @RequestParam(defaultValue = "ko") String language, @RequestParam(required = false) @Nullable LocalDate day,
                    RedirectAttributes redirect, Locale locale) {
        EventSchedule event = events.require(slug);
        List<String> addresses = Arrays.stream(mailTo.split("[,;\\s]+")).filter(a -> !a.isBlank()).toList();
        String hook = removeWebhook ? null : webhook.isBlank() ? routes.of(event.id()).webhook() : webhook.strip();
        try {
            routes.set(event.id(), addresses, hook, language);
            redirect.addFlashAttribute("deliverySaved", true);
        } catch (Rejection refused) {
            String key = refused.messageKey().replace("ops.route.", "ops.delivery.error.");
            redirect.addFlashAttribute("deliveryError", messages.getMessage(key, refused.args(), refused.messageKey(), locale));
            redirect.addFlashAttribute("deliveryMailTo", mailTo);
        }
        return "redirect:/organizer/" + URLEncoder.encode(slug, StandardCharsets.UTF_8) + "/ops"
                + (day == null ? "" : "?day=" + day) + "#alert-delivery";
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
