package dev.confer.checkin;

import dev.confer.events.EventCatalog;
import dev.confer.events.EventSchedule;
import dev.confer.shared.Caller;
import dev.confer.shared.Role;
import dev.confer.tickets.Tickets;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The printable badge. Open to the desk staff and organizers of the event, and to the attendee through
 * the manage token in their e-mail link; the path itself is public, so the check is here.
 */
@RestController
class BadgeController {

    private final EventCatalog events;
    private final Tickets tickets;
    private final PrintedBadges badges;

    BadgeController(EventCatalog events, Tickets tickets, PrintedBadges badges) {
        this.events = events;
        this.tickets = tickets;
        this.badges = badges;
    }

    @GetMapping("/api/v1/events/{slug}/registrations/{id}/badge.pdf")
    ResponseEntity<byte[]> badge(@PathVariable String slug, @PathVariable UUID id,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate day,
                                 @RequestParam(required = false) @Nullable String token,
                                 @AuthenticationPrincipal @Nullable Caller caller) {
        EventSchedule event = events.require(slug);
        authorize(event, id, caller, token);
        byte[] pdf = badges.pdf(event, id, day);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .cacheControl(CacheControl.noStore()) // carries the ticket: keep it out of shared caches
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename("badge-" + id + ".pdf").build().toString())
                .body(pdf);
    }

    private void authorize(EventSchedule event, UUID id, @Nullable Caller caller, @Nullable String token) {
        tickets.requireHolderOrStaff(event, id, caller, token, "badge.token-required", Role.DESK);
    }
}
