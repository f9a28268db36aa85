package dev.confer.web.desk;

import dev.confer.shared.RegistrationId;
import dev.confer.checkin.BadgePrints;
import dev.confer.checkin.NfcBadges;
import dev.confer.checkin.PrintedBadges;
import dev.confer.events.EventCatalog;
import dev.confer.events.EventSchedule;
import dev.confer.registration.Registrations;
import dev.confer.shared.Caller;
import dev.confer.shared.Rejection;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

/** After a check-in: the printed badge (PDF) and the NFC chip in it, bound to the attendee. */
@Controller
class DeskBadges {

    private final EventCatalog events;
    private final PrintedBadges badges;
    private final NfcBadges nfc;
    private final BadgePrints prints;
    private final Registrations registrations;
    private final MessageSource messages;
    private final Clock clock;

    DeskBadges(EventCatalog events, PrintedBadges badges, NfcBadges nfc, BadgePrints prints, Registrations registrations,
               MessageSource messages, Clock clock) {
        this.prints = prints;
        this.events = events;
        this.badges = badges;
        this.nfc = nfc;
        this.registrations = registrations;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * Today's badge (with today's keynote seat) on an event day, else the plain badge: the PDF, for a reprint on another
     * printer. {@code print} is the page's id for this print: it is logged once under it (who, when, reprint or not).
     */
    @GetMapping("/desk/{slug}/badges/{id}.pdf")
    ResponseEntity<byte[]> badge(@PathVariable String slug, @PathVariable RegistrationId id,
                                 @RequestParam(required = false) @Nullable UUID print, @AuthenticationPrincipal Caller caller) {
        EventSchedule event = events.require(slug);
        LocalDate today = event.localDate(clock.instant());
        byte[] pdf = badges.pdf(event, id, event.day(today).isPresent() ? today : null);
        prints.record(event, id, print != null ? print : UUID.randomUUID(), caller.deskName(), clock.instant());
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .cacheControl(CacheControl.noStore()) // carries the ticket
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename("badge-" + id + ".pdf").build().toString())
                .body(pdf);
    }

    @PostMapping("/desk/{slug}/registrations/{id}/badge")
    String bind(@PathVariable String slug, @PathVariable RegistrationId id, @RequestParam(required = false) @Nullable String nfcUid,
                @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Locale locale, Model model) {
        EventSchedule event = events.require(slug);
        model.addAttribute("event", event);
        model.addAttribute("attendeeId", id);
        model.addAttribute("nfcUid", nfcUid);
        try {
            NfcBadges.Bound bound = nfc.bind(event, id, nfcUid);
            String name = registrations.find(event, id).map(a -> a.name()).orElse("");
            model.addAttribute("nfcBound", messages.getMessage("desk.nfc.bound", new Object[]{bound.nfcUid(), name}, locale));
            model.addAttribute("nfcUid", "");
        } catch (Rejection r) {
            model.addAttribute("nfcError", messages.getMessage(r.messageKey(), r.args(), r.messageKey(), locale));
        }
        return htmx != null ? "desk/desk :: nfc" : "desk/desk";
    }

    /**
     * The page printed the badge from its own print layout (a press of Print, or auto-print after a first check-in):
     * logged once under the page's print id, under the desk's name. 204; an unknown attendee is a 404. A print made
     * offline is sent when the desk syncs, with {@code at}, the time it was printed (never later than now).
     */
    @PostMapping("/desk/{slug}/badges/{id}/prints")
    ResponseEntity<Void> printed(@PathVariable String slug, @PathVariable RegistrationId id, @RequestParam UUID print,
                                 @RequestParam(required = false) @Nullable Instant at, @AuthenticationPrincipal Caller caller) {
        EventSchedule event = events.require(slug);
        if (registrations.find(event, id).isEmpty()) {
            throw Rejection.notFound("registration.not-found", id);
        }
        Instant now = clock.instant();
        prints.record(event, id, print, caller.deskName(), at != null && at.isBefore(now) ? at : now);
        return ResponseEntity.noContent().build();
    }
}
