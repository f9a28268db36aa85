package dev.confer.notifications;

import dev.confer.events.EventCatalog;
import dev.confer.events.EventSchedule;
import dev.confer.shared.Caller;
import dev.confer.shared.PersonalDataViewed;
import dev.confer.shared.Rejection;
import dev.confer.tickets.TicketQr;
import dev.confer.tickets.Tickets;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The organizer's view of the mails Confer sent or, without SMTP, kept instead of sending
 * ({@code /dev/mail}, organizer only by SecurityConfig). The QR code is drawn again from the ticket:
 * tickets are signed deterministically, so it is the one that went out.
 */
@RestController
class DevMailController {

    private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);
    private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

    private final MailOutbox outbox;
    private final EventCatalog events;
    private final Tickets tickets;
    private final SentMails sentMails;
    private final ApplicationEventPublisher publisher;

    DevMailController(MailOutbox outbox, EventCatalog events, Tickets tickets, SentMails sentMails, ApplicationEventPublisher publisher) {
        this.publisher = publisher;
        this.outbox = outbox;
        this.events = events;
        this.tickets = tickets;
        this.sentMails = sentMails;
    }

    /**
     * Scripts (and tests) get the list as JSON; a browser asking for HTML gets the organizer's mail box page
     * (web module), which lists the same {@link SentMails}.
     */
    @GetMapping(value = "/dev/mail", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.ALL_VALUE})
    List<SentMails.SentMail> list(@RequestParam(name = "event", required = false) @Nullable String slug,
                                  @RequestParam(defaultValue = "100") int limit, @AuthenticationPrincipal Caller caller) {
        return sentMails.recent(slug, limit, caller.actor());
    }

    @GetMapping("/dev/mail/{id}")
    ResponseEntity<String> html(@PathVariable long id) {
        MailOutbox.StoredMail mail = composed(id);
        String qr = "data:image/png;base64," + Base64.getEncoder().encodeToString(qrPng(mail));
        String html = mail.html() == null ? "" : mail.html().replace("cid:" + ComposedMail.QR_CONTENT_ID, qr);
        return ResponseEntity.ok().contentType(HTML).body(html);
    }

    @GetMapping("/dev/mail/{id}.txt")
    ResponseEntity<String> text(@PathVariable long id) {
        MailOutbox.StoredMail mail = composed(id);
        return ResponseEntity.ok().contentType(TEXT).body(mail.text() == null ? "" : mail.text());
    }

    @GetMapping("/dev/mail/{id}/qr.png")
    ResponseEntity<byte[]> qr(@PathVariable long id) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(qrPng(composed(id)));
    }

    /** A mail's body names its addressee: opening one is a view of personal data, recorded in the access log. */
    private MailOutbox.StoredMail composed(long id) {
        MailOutbox.StoredMail mail = outbox.find(id).filter(m -> m.html() != null)
                .orElseThrow(() -> Rejection.notFound("mail.not-found", id));
        events.find(mail.eventSlug()).ifPresent(event ->
                publisher.publishEvent(new PersonalDataViewed(event.id(), Caller.organizer().actor(), "MAIL_VIEW", 1, "mail " + id)));
        return mail;
    }

    private byte[] qrPng(MailOutbox.StoredMail mail) {
        if (mail.registrationId() == null) {
            return new byte[0]; // a staff mail (an ops alert) has no ticket
        }
        EventSchedule event = events.require(mail.eventSlug());
        return TicketQr.png(tickets.issue(event, mail.registrationId()), 320);
    }
}
