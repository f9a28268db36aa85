package dev.confer.checkin;

import dev.confer.shared.RegistrationId;
import dev.confer.events.EventCatalog;
import dev.confer.events.EventSchedule;
import dev.confer.shared.Role;
import dev.confer.tickets.Credentials;
import dev.confer.tickets.ManageTokens;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

/**
 * The printable badge. Open to the desk staff and organizers of the event, and to the attendee through
 * the manage token in their e-mail link; the path itself is public, so the check is here.
 */
@RestController
class BadgeController {

    private final EventCatalog events;
    private final ManageTokens manageTokens;
    private final PrintedBadges badges;

    BadgeController(EventCatalog events, ManageTokens manageTokens, PrintedBadges badges) {
        this.events = events;
        this.manageTokens = manageTokens;
        this.badges = badges;
    }

    @GetMapping("/api/v1/events/{slug}/registrations/{id}/badge.pdf")
    ResponseEntity<byte[]> badge(@PathVariable String slug, @PathVariable RegistrationId id,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate day,
                                 Credentials credentials) {
        EventSchedule event = events.require(slug);
        manageTokens.requireHolderOrStaff(event, id, credentials, "badge.token-required", Role.DESK);
        byte[] pdf = badges.pdf(event, id, day);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .cacheControl(CacheControl.noStore()) // carries the ticket: keep it out of shared caches
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename("badge-" + id + ".pdf").build().toString())
                .body(pdf);
    }
}
