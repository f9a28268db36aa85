package dev.confer.access;

import dev.confer.events.EventCatalog;
import dev.confer.events.EventSchedule;
import dev.confer.shared.Caller;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** A booth's leads for its sponsor (SPONSOR token of that booth) or the organizer. */
@RestController
class LeadsController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final EventCatalog events;
    private final BoothLeads leads;
    private final MessageSource messages;

    LeadsController(EventCatalog events, BoothLeads leads, MessageSource messages) {
        this.events = events;
        this.leads = leads;
        this.messages = messages;
    }

    @GetMapping("/api/v1/events/{slug}/booths/{code}/leads")
    List<BoothLeads.Lead> leads(@PathVariable String slug, @PathVariable String code, @AuthenticationPrincipal Caller caller) {
        return leads.of(events.require(slug), code, caller);
    }

    @GetMapping("/api/v1/events/{slug}/booths/{code}/leads.csv")
    ResponseEntity<byte[]> csv(@PathVariable String slug, @PathVariable String code, @AuthenticationPrincipal Caller caller,
                               Locale locale) {
        EventSchedule event = events.require(slug);
        List<BoothLeads.Lead> rows = leads.of(event, code, caller);
        List<String> headers = Stream.of("name", "company", "job-title", "email", "first-visit", "last-visit", "visits")
                .map(h -> messages.getMessage("access.csv." + h, null, h, locale))
                .toList();
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("leads-" + slug + "-" + code + ".csv", StandardCharsets.UTF_8).build().toString())
                .body(LeadsCsv.write(headers, rows, event.zone()));
    }
}
