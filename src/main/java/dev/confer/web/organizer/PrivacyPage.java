package dev.confer.web.organizer;

import dev.confer.events.EventCatalog;
import dev.confer.events.EventSchedule;
import dev.confer.privacy.AccessLog;
import dev.confer.privacy.Exports;
import dev.confer.privacy.Retention;
import dev.confer.shared.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Locale;

/**
 * The organizer's privacy page: the retention preview (when the data goes, how many people it holds) with the
 * last run's report and a button to run it now (asked twice), the exports, and the access log.
 */
@Controller
class PrivacyPage {

    private final EventCatalog events;
    private final AccessLog accessLog;
    private final Retention retention;
    private final Exports exports;

    PrivacyPage(EventCatalog events, AccessLog accessLog, Retention retention, Exports exports) {
        this.events = events;
        this.accessLog = accessLog;
        this.retention = retention;
        this.exports = exports;
    }

    @GetMapping("/organizer/{slug}/privacy/registrations.csv")
    ResponseEntity<byte[]> registrations(@PathVariable String slug, @AuthenticationPrincipal Caller caller, Locale locale) {
        return Exports.download("registrations-" + slug + ".csv", exports.registrations(events.require(slug), caller.actor(), locale));
    }

    @GetMapping("/organizer/{slug}/privacy/registrations.xlsx")
    ResponseEntity<byte[]> registrationsXlsx(@PathVariable String slug, @AuthenticationPrincipal Caller caller, Locale locale) {
        return Exports.downloadXlsx("registrations-" + slug + ".xlsx", exports.registrationsXlsx(events.require(slug), caller.actor(), locale));
    }

    @GetMapping("/organizer/{slug}/privacy/access-log.csv")
    ResponseEntity<byte[]> accessLog(@PathVariable String slug, Locale locale) {
        return Exports.download("access-log-" + slug + ".csv", exports.accessLog(events.require(slug), locale));
    }

    @GetMapping("/organizer/{slug}/privacy")
    String page(@PathVariable String slug, Model model) {
        EventSchedule event = events.require(slug);
        model.addAttribute("event", event);
        model.addAttribute("retention", retention.preview(event));
        model.addAttribute("log", accessLog.of(event.id(), 200));
        return "organizer/privacy";
    }

    @PostMapping("/organizer/{slug}/privacy/retention")
    String run(@PathVariable String slug, @AuthenticationPrincipal Caller caller, RedirectAttributes redirect) {
        Retention.Report report = retention.runNow(events.require(slug), caller.actor());
        redirect.addFlashAttribute("justRan", report);
        return "redirect:/organizer/" + slug + "/privacy";
    }
}
