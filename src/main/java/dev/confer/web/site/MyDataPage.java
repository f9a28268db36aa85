package dev.confer.web.site;

import dev.confer.events.EventCatalog;
import dev.confer.events.EventSchedule;
import dev.confer.privacy.PersonalDataRequests;
import dev.confer.registration.Attendee;
import dev.confer.registration.ConsentLedger;
import dev.confer.registration.Consents;
import dev.confer.shared.RegistrationId;
import dev.confer.shared.Rejection;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Map;

/**
 * The attendee's data on My ticket: their consents (a team member confirms theirs here; anyone gives or withdraws
 * sharing with sponsors), the download of everything held about them, and erasure (asked twice).
 */
@Controller
class MyDataPage {

    static final String SELF = "ATTENDEE (self)";

    private final EventCatalog events;
    private final TicketHolder holder;
    private final ConsentLedger consents;
    private final PersonalDataRequests requests;

    MyDataPage(EventCatalog events, TicketHolder holder, ConsentLedger consents, PersonalDataRequests requests) {
        this.events = events;
        this.holder = holder;
        this.consents = consents;
        this.requests = requests;
    }

    @PostMapping("/e/{slug}/my-ticket/{id}/consents")
    String answer(@PathVariable String slug, @PathVariable RegistrationId id, @RequestParam(required = false) @Nullable String token,
                  @RequestParam(required = false) @Nullable Boolean processingConsent,
                  @RequestParam(required = false) @Nullable Boolean sponsorSharing, RedirectAttributes redirect) {
        EventSchedule event = events.require(slug);
        holder.require(event, id, token);
        try {
            consents.answer(event, id, new Consents(Boolean.TRUE.equals(processingConsent), Boolean.TRUE.equals(sponsorSharing)));
            redirect.addFlashAttribute("consentsSaved", true);
        } catch (Rejection r) {
            redirect.addFlashAttribute("consentError", r.messageKey().equals("registration.consent-required")
                    ? "site.privacy.processing-required" : "site.mydata.closed");
        }
        return "redirect:" + TicketHolder.url(slug, id, token, "") + "#privacy-card";
    }

    @GetMapping("/e/{slug}/my-ticket/{id}/data.json")
    ResponseEntity<Map<String, Object>> download(@PathVariable String slug, @PathVariable RegistrationId id,
                                                 @RequestParam(required = false) @Nullable String token) {
        EventSchedule event = events.require(slug);
        holder.require(event, id, token);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("my-data-" + slug + ".json").build().toString())
                .body(requests.export(event, id, SELF));
    }

    @GetMapping("/e/{slug}/my-ticket/{id}/erase")
    String confirmErase(@PathVariable String slug, @PathVariable RegistrationId id, @RequestParam(required = false) @Nullable String token,
                        Model model) {
        EventSchedule event = events.require(slug);
        Attendee attendee = holder.require(event, id, token);
        if (attendee.isErased()) {
            return "redirect:" + TicketHolder.url(slug, id, token, "");
        }
        model.addAttribute("event", event);
        model.addAttribute("attendee", attendee);
        model.addAttribute("token", token);
        return "site/erase";
    }

    @PostMapping("/e/{slug}/my-ticket/{id}/erase")
    String erase(@PathVariable String slug, @PathVariable RegistrationId id, @RequestParam(required = false) @Nullable String token,
                 RedirectAttributes redirect) {
        EventSchedule event = events.require(slug);
        holder.require(event, id, token);
        requests.erase(event, id, SELF);
        redirect.addFlashAttribute("justErased", true);
        return "redirect:" + TicketHolder.url(slug, id, token, "");
    }
}
