package dev.confer.notifications;

import dev.confer.shared.RegistrationId;
import dev.confer.events.EventCatalog;
import dev.confer.shared.PersonalDataViewed;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The notifications module's API for the organizer's mail box: the mails sent or kept, newest first. */
@Service
public class SentMails {

    private final MailOutbox outbox;
    private final EventCatalog events;
    private final ApplicationEventPublisher publisher;

    SentMails(MailOutbox outbox, EventCatalog events, ApplicationEventPublisher publisher) {
        this.outbox = outbox;
        this.events = events;
        this.publisher = publisher;
    }

    /**
     * One mail as the mail box lists it; {@code deliveredVia} is its status (smtp, dev-mailbox or failed).
     * The field names are the JSON of {@code /dev/mail}.
     */
    public record SentMail(long id, @Nullable String to, @Nullable String subject, String kind, String event,
                           @Nullable RegistrationId registrationId, @Nullable Instant sentAt, @Nullable String deliveredVia) {
    }

    /**
     * The newest {@code limit} (1..1000) mails, of one event when {@code slug} names one (404 when it names none). The
     * list names every addressee, and the mail box is served wherever no SMTP server is set, production included: so
     * each listing is a view of personal data, in the access log of every event it shows mails of ({@code actor}, how
     * many people).
     */
    public List<SentMail> recent(@Nullable String slug, int limit, String actor) {
        Long eventId = slug == null || slug.isBlank() ? null : events.require(slug).id();
        List<SentMail> mails = outbox.recent(eventId, Math.min(Math.max(limit, 1), 1000)).stream()
                .map(m -> new SentMail(m.id(), m.recipient(), m.subject(), m.kind().name(), m.eventSlug(), m.registrationId(),
                        m.sentAt(), m.deliveredVia()))
                .toList();
        // people are the attendees mailed; staff mails (ops alerts) have no registration and count none
        Map<String, Long> peoplePerEvent = mails.stream().collect(Collectors.groupingBy(SentMail::event,
                Collectors.filtering(m -> m.registrationId() != null,
                        Collectors.mapping(SentMail::registrationId, Collectors.collectingAndThen(Collectors.toSet(), s -> (long) s.size())))));
        peoplePerEvent.forEach((event, people) -> events.find(event).ifPresent(e ->
                publisher.publishEvent(new PersonalDataViewed(e.id(), actor, "MAIL_LIST", people.intValue(), null))));
        return mails;
    }
}
