package dev.confer.web.organizer;

import dev.confer.shared.Caller;
import dev.confer.events.EventCatalog;
import dev.confer.events.EventSchedule;
import dev.confer.notifications.SentMails;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The mail box as a page: a browser asking for HTML at {@code /dev/mail} gets this; scripts keep getting the
 * JSON list from the notifications module. Each mail's time is shown in its event's time zone.
 */
@Controller
class MailBoxPage {

    private final SentMails mails;
    private final EventCatalog events;

    MailBoxPage(SentMails mails, EventCatalog events) {
        this.mails = mails;
        this.events = events;
    }

    record Line(SentMails.SentMail mail, @Nullable ZonedDateTime sentAt) {
    }

    @GetMapping(value = "/dev/mail", produces = MediaType.TEXT_HTML_VALUE)
    String page(@RequestParam(name = "event", required = false) @Nullable String slug,
                @RequestParam(defaultValue = "100") int limit, @AuthenticationPrincipal Caller caller, Model model) {
        EventSchedule event = slug == null || slug.isBlank() ? null : events.require(slug);
        Map<String, ZoneId> zones = new HashMap<>();
        List<Line> lines = mails.recent(slug, limit, caller.actor()).stream().map(m -> new Line(m, m.sentAt() == null ? null
                : m.sentAt().atZone(zones.computeIfAbsent(m.event(),
                        s -> events.find(s).map(EventSchedule::zone).orElse(ZoneId.of("UTC")))))).toList();
        model.addAttribute("event", event);
        model.addAttribute("lines", lines);
        return "organizer/mail-box";
    }
}
