package dev.confer.tickets;

import dev.confer.events.EventCatalog;
import dev.confer.events.EventSchedule;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TicketKeyController {

    private final EventCatalog events;
    private final Tickets tickets;

    TicketKeyController(EventCatalog events, Tickets tickets) {
        this.events = events;
        this.tickets = tickets;
    }

    record TicketKey(String algorithm, String format, String publicKey, String ticketFormat) {
    }

    /** Public: lets an offline scanner verify tickets of this event. */
    @GetMapping("/api/v1/events/{slug}/ticket-key")
    TicketKey key(@PathVariable String slug) {
        EventSchedule event = events.require(slug);
        return new TicketKey("Ed25519", "X.509 SubjectPublicKeyInfo, base64", tickets.publicKey(event),
                "CF1.<event slug>.<registration id, 16 bytes base64url>.<Ed25519 signature over the first three parts, base64url>");
    }
}
