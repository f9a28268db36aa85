package dev.confer.access;

import dev.confer.events.EventCatalog;
import dev.confer.events.EventSchedule;
import dev.confer.shared.Caller;
import dev.confer.shared.PersonalDataViewed;
import org.springframework.context.ApplicationEventPublisher;
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
    private final ApplicationEventPublisher publisher;

    LeadsController(EventCatalog events, BoothLeads leads, MessageSource messages, ApplicationEventPublisher publisher) {
        this.publisher = publisher;
        this.events = events;
        this.leads = leads;
        this.messages = messages;
    }

    @GetMapping("/api/v1/events/{slug}/booths/{code}/leads")
    List<BoothLeads.Lead> leads(@PathVariable String slug, @PathVariable String code, @AuthenticationPrincipal Caller caller) {
        EventSchedule event = events.require(slug);
        List<BoothLeads.Lead> found = leads.of(event, code, caller);
        publisher.publishEvent(new PersonalDataViewed(event.id(), caller.actor(), "BOOTH_LEADS", found.size(), "booth " + code));
        return found;
    }

    @GetMapping("/api/v1/events/{slug}/booths/{code}/leads.csv")
    ResponseEntity<byte[]> csv(@PathVariable String slug, @PathVariable String code, @AuthenticationPrincipal Caller caller,
                               Locale locale) {
        EventSchedule event = events.require(slug);
        List<BoothLeads.Lead> found = leads.of(event, code, caller);
        publisher.publishEvent(new PersonalDataViewed(event.id(), caller.actor(), "BOOTH_LEADS_CSV", found.size(), "booth " + code));
        return LeadsCsv.download(event, code, found, messages, locale);
    }
}
