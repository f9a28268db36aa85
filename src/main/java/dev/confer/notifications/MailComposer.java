package dev.confer.notifications;

import dev.confer.events.EventCatalog;
import dev.confer.events.EventSchedule;
import dev.confer.registration.Attendee;
import dev.confer.registration.RegistrationStatus;
import dev.confer.registration.Registrations;
import dev.confer.tickets.TicketQr;
import dev.confer.tickets.Tickets;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Writes a claimed mail in the attendee's language from the registration, the event and the ticket as they are now. */
@Component
class MailComposer {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Registrations registrations;
    private final EventCatalog events;
    private final Tickets tickets;
    private final MessageSource messages;
    private final MailSettings settings;

    MailComposer(Registrations registrations, EventCatalog events, Tickets tickets, MessageSource messages,
                 MailSettings settings) {
        this.registrations = registrations;
        this.events = events;
        this.tickets = tickets;
        this.messages = messages;
        this.settings = settings;
    }

    /** The mail, or empty when it no longer applies (cancelled; or promoted before the waitlist mail went out). */
    Optional<ComposedMail> compose(MailOutbox.PendingMail pending) {
        Attendee attendee = registrations.find(pending.registrationId())
                .orElseThrow(() -> new IllegalStateException("Registration " + pending.registrationId() + " does not exist"));
        if (attendee.status() == RegistrationStatus.CANCELLED
                || (pending.kind() == MailKind.WAITLIST && attendee.status() != RegistrationStatus.WAITLISTED)) {
            return Optional.empty();
        }
        EventSchedule event = events.find(pending.eventSlug())
                .orElseThrow(() -> new IllegalStateException("Event " + pending.eventSlug() + " does not exist"));
        String lang = "ko".equals(attendee.locale()) ? "ko" : "en";
        Text text = new Text(messages, Locale.forLanguageTag(lang));
        String eventName = event.name().in(lang);
        String ticket = tickets.issue(event, attendee.id());
        String myTicketUrl = settings.publicUrl() + "/e/" + event.slug() + "/my-ticket/" + attendee.id()
                + "?token=" + tickets.manageToken(event, attendee.id());

        String subject;
        String status;
        String ticketIntro;
        switch (pending.kind()) {
            case CONFIRMATION -> {
                subject = text.get("mail.confirmation.subject", eventName);
                status = text.get("mail.confirmation.status", eventName);
                ticketIntro = text.get("mail.ticket.intro");
            }
            case WAITLIST -> {
                Integer position = registrations.waitlistPosition(attendee);
                subject = text.get("mail.waitlist.subject", eventName, position);
                status = text.get("mail.waitlist.status", eventName, position);
                ticketIntro = text.get("mail.ticket.intro-waitlisted");
            }
            case PROMOTION -> {
                subject = text.get("mail.promotion.subject", eventName);
                status = text.get("mail.promotion.status", eventName);
                ticketIntro = text.get("mail.ticket.intro");
            }
            default -> throw new IllegalStateException("Unknown mail kind " + pending.kind());
        }
        DateTimeFormatter date = DateTimeFormatter.ofPattern(text.get("mail.date-pattern"), text.locale());
        List<String> days = event.days().stream()
                .map(d -> text.get("mail.day", date.format(d.date()), TIME.format(d.doorsOpen()), TIME.format(d.end())))
                .toList();
        MailLayout.Content content = new MailLayout.Content(lang, subject, text.get("mail.greeting", attendee.name()), status,
                text.get("mail.when"), days, ticketIntro, text.get("mail.ticket.code"), ticket,
                text.get("mail.my-ticket.intro"), text.get("mail.my-ticket.label"), myTicketUrl,
                text.get("mail.cancel-hint"), text.get("mail.signature", eventName));
        return Optional.of(new ComposedMail(pending.id(), attendee.email(), subject, MailLayout.text(content),
                MailLayout.html(content), TicketQr.png(ticket, 320)));
    }

    /** Message bundle look-ups in one language. */
    private record Text(MessageSource messages, Locale locale) {

        String get(String key, Object... args) {
            return messages.getMessage(key, args, locale);
        }
    }
}
