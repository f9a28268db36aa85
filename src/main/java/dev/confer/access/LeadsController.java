package dev.confer.access;

import dev.confer.events.EventCatalog;
import dev.confer.events.EventSchedule;
import dev.confer.shared.Caller;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Locale;

/** A booth's leads for its sponsor (SPONSOR token of that booth) or the organizer. */
@RestController
class LeadsController {


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
        return LeadsCsv.download(event, code, leads.of(event, code, caller), messages, locale);
    }
}
