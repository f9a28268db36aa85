package dev.confer.notifications;

import dev.confer.shared.RegistrationId;
import dev.confer.events.EventCatalog;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.List;

/** The notifications module's API for the organizer's mail box: the mails sent or kept, newest first. */
@Service
public class SentMails {

    private final MailOutbox outbox;
    private final EventCatalog events;

    SentMails(MailOutbox outbox, EventCatalog events) {
        this.outbox = outbox;
        this.events = events;
    }

    /**
     * One mail as the mail box lists it; {@code deliveredVia} is its status (smtp, dev-mailbox or failed).
     * The field names are the JSON of {@code /dev/mail}.
     */
    public record SentMail(long id, @Nullable String to, @Nullable String subject, String kind, String event,
                           @Nullable RegistrationId registrationId, @Nullable Instant sentAt, @Nullable String deliveredVia) {
    }

    /** The newest {@code limit} (1..1000) mails, of one event when {@code slug} names one (404 when it names none). */
    public List<SentMail> recent(@Nullable String slug, int limit) {
        Long eventId = slug == null || slug.isBlank() ? null : events.require(slug).id();
        return outbox.recent(eventId, Math.min(Math.max(limit, 1), 1000)).stream()
                .map(m -> new SentMail(m.id(), m.recipient(), m.subject(), m.kind().name(), m.eventSlug(), m.registrationId(),
                        m.sentAt(), m.deliveredVia()))
                .toList();
    }
}
