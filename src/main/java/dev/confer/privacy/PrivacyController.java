package dev.confer.privacy;

import dev.confer.events.EventCatalog;
import dev.confer.shared.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Locale;

/** The organizer's side: the registrations export, the access log, the retention preview and the early run. */
@RestController
class PrivacyController {

    private final EventCatalog events;
    private final AccessLog accessLog;
    private final Retention retention;
    private final Exports exports;

    PrivacyController(EventCatalog events, AccessLog accessLog, Retention retention, Exports exports) {
        this.events = events;
        this.accessLog = accessLog;
        this.retention = retention;
        this.exports = exports;
    }

    @GetMapping("/api/v1/events/{slug}/registrations.csv")
    ResponseEntity<byte[]> registrationsCsv(@PathVariable String slug, @AuthenticationPrincipal Caller caller, Locale locale) {
        return Exports.download("registrations-" + slug + ".csv", exports.registrations(events.require(slug), caller.actor(), locale));
    }

    @GetMapping("/api/v1/events/{slug}/registrations.xlsx")
    ResponseEntity<byte[]> registrationsXlsx(@PathVariable String slug, @AuthenticationPrincipal Caller caller, Locale locale) {
        return Exports.downloadXlsx("registrations-" + slug + ".xlsx", exports.registrationsXlsx(events.require(slug), caller.actor(), locale));
    }

    @GetMapping("/api/v1/events/{slug}/access-log")
    List<AccessLog.Entry> accessLog(@PathVariable String slug, @RequestParam(defaultValue = "500") int limit) {
        return accessLog.of(events.require(slug).id(), Math.clamp(limit, 1, 10_000));
    }

    @GetMapping("/api/v1/events/{slug}/access-log.csv")
    ResponseEntity<byte[]> accessLogCsv(@PathVariable String slug, Locale locale) {
        return Exports.download("access-log-" + slug + ".csv", exports.accessLog(events.require(slug), locale));
    }

    @GetMapping("/api/v1/events/{slug}/retention")
    Retention.Preview retention(@PathVariable String slug) {
        return retention.preview(events.require(slug));
    }

    @PostMapping("/api/v1/events/{slug}/retention/run")
    Retention.Report runRetention(@PathVariable String slug, @AuthenticationPrincipal Caller caller) {
        return retention.runNow(events.require(slug), caller.actor());
    }
}
