package dev.confer.notifications;

import dev.confer.agenda.AttendeeCalendar;
import dev.confer.shared.Language;
import dev.confer.events.EventCatalog;
import dev.confer.events.EventSchedule;
import dev.confer.registration.Attendee;
import dev.confer.registration.ConsentLedger;
import dev.confer.registration.RegistrationStatus;
import dev.confer.registration.Registrations;
import dev.confer.tickets.TicketQr;
import dev.confer.tickets.ManageTokens;
import dev.confer.tickets.Tickets;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/** Writes a claimed mail in the attendee's language from the registration, the event and the ticket as they are now. */
@Component
class MailComposer {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Registrations registrations;
    private final EventCatalog events;
    private final Tickets tickets;
    private final ManageTokens manageTokens;
    private final MessageSource messages;
    private final MailSettings settings;
    private final ReminderWording reminders;
    private final AttendeeCalendar calendars;
    private final Clock clock;
    private final ConsentLedger consents;
    private final MailOutbox outbox;

    MailComposer(Registrations registrations, EventCatalog events, Tickets tickets, ManageTokens manageTokens, MessageSource messages,
                 MailSettings settings, ReminderWording reminders, AttendeeCalendar calendars, Clock clock, ConsentLedger consents,
                 MailOutbox outbox) {
        this.outbox = outbox;
        this.consents = consents;
        this.calendars = calendars;
        this.registrations = registrations;
        this.events = events;
        this.tickets = tickets;
        this.manageTokens = manageTokens;
        this.messages = messages;
        this.settings = settings;
        this.reminders = reminders;
        this.clock = clock;
    }

    /** What a mail says besides the parts every mail has. */
    record Wording(String subject, String status, List<String> details, String ticketIntro) {
    }

    /**
     * True when the mail would now come too late to help (a morning reminder after its day ended, a
     * session nudge after the session started): it is then dropped instead of sent.
     */
    boolean tooLate(MailOutbox.PendingMail pending) {
        return events.find(pending.eventSlug())
                .map(event -> ReminderTimes.tooLate(event, pending.kind(), pending.ref(), clock.instant()))
                .orElse(false);
    }

    /**
     * The mail, or empty when it no longer applies: the person's data was erased; cancelled; promoted before the waitlist mail (or the
     * still-on-the-waitlist note) went out; no longer confirmed for a reminder.
     */
    Optional<ComposedMail> compose(MailOutbox.PendingMail pending) {
        if (pending.registrationId() == null) {
            return composedWhenQueued(pending);
        }
        Attendee attendee = registrations.find(pending.registrationId())
                .orElseThrow(() -> new IllegalStateException("Registration " + pending.registrationId() + " does not exist"));
        if (attendee.isErased() || !stillApplies(pending.kind(), attendee.status())) {
            return Optional.empty();
        }
        EventSchedule event = events.find(pending.eventSlug())
                .orElseThrow(() -> new IllegalStateException("Event " + pending.eventSlug() + " does not exist"));
        Language lang = attendee.language();
        MailText text = new MailText(messages, lang.locale());
        String eventName = event.name().in(lang);
        String ticket = tickets.issue(event, attendee.id());
        String myTicketUrl = settings.publicUrl() + "/e/" + event.slug() + "/my-ticket/" + attendee.id()
                + "?token=" + manageTokens.manageToken(event, attendee.id());

        Wording wording = switch (pending.kind()) {
            case CONFIRMATION -> new Wording(text.get("mail.confirmation.subject", eventName),
                    text.get("mail.confirmation.status", eventName), List.of(), text.get("mail.ticket.intro"));
            case VERIFY -> new Wording(text.get("mail.verify.subject", eventName),
                    text.get("mail.verify.status", eventName, registrations.verifyHold().toMinutes()), List.of(),
                    text.get("mail.verify.ticket-intro"));
            case WAITLIST -> {
                Integer position = registrations.waitlistPosition(attendee);
                yield new Wording(text.get("mail.waitlist.subject", eventName, position),
                        text.get("mail.waitlist.status", eventName, position), List.of(), text.get("mail.ticket.intro-waitlisted"));
            }
            case PROMOTION -> new Wording(text.get("mail.promotion.subject", eventName),
                    text.get("mail.promotion.status", eventName), List.of(), text.get("mail.ticket.intro"));
            case DAY_BEFORE, MORNING_OF, STILL_WAITLISTED, SESSION_SOON ->
                    reminders.wording(pending.kind(), pending.ref(), event, attendee, text, lang);
            case LAB_SEAT -> labSeat(event, pending.ref(), text, lang, eventName);
            case OPS_ALERT -> throw new IllegalStateException("An ops alert mail has no attendee");
        };
        if (firstMail(pending.kind()) && event.privacy() != null && consents.state(event, attendee.id()).needsConfirmation()) {
            // a team member: the lead said they were told; they confirm their own consents from this mail
            List<String> details = new java.util.ArrayList<>(wording.details());
            details.add(text.get("mail.privacy.confirm", event.privacy().controller().in(lang)));
            wording = new Wording(wording.subject(), wording.status(), details, wording.ticketIntro());
        }
        DateTimeFormatter date = DateTimeFormatter.ofPattern(text.get("mail.date-pattern"), text.locale());
        List<String> days = event.days().stream()
                .map(d -> text.get("mail.day", date.format(d.date()), TIME.format(d.doorsOpen()), TIME.format(d.end())))
                .toList();
        boolean carriesTheDay = carriesTheDay(pending.kind());
        boolean verify = pending.kind() == MailKind.VERIFY;
        MailLayout.Content content = new MailLayout.Content(lang, wording.subject(), text.get("mail.greeting", attendee.name()),
                wording.status(), text.get("mail.when"), days, wording.ticketIntro(), text.get("mail.ticket.code"), ticket,
                text.get(verify ? "mail.verify.link-intro" : "mail.my-ticket.intro"),
                text.get(verify ? "mail.verify.link-label" : "mail.my-ticket.label"),
                verify ? settings.publicUrl() + "/e/" + event.slug() + "/verify/" + attendee.id() + "?token="
                        + manageTokens.manageToken(event, attendee.id()) : myTicketUrl,
                text.get("mail.cancel-hint"), text.get("mail.signature", eventName), wording.details(),
                where(event, text, lang, carriesTheDay));
        String calendar = carriesTheDay ? calendars.forMail(event, attendee, lang.locale(), settings.publicUrl()) : null;
        return Optional.of(new ComposedMail(pending.id(), attendee.email(), wording.subject(), MailLayout.text(content),
                MailLayout.html(content), TicketQr.png(ticket, 320), calendar));
    }

    /** Moved up from a lab's waitlist: which lab, when and where; the seat is held until it starts. */
    private static Wording labSeat(EventSchedule event, String code, MailText text, Language lang, String eventName) {
        EventSchedule.Session lab = event.session(code).orElseThrow(() -> new IllegalStateException("No session " + code));
        String title = lab.title().in(lang);
        String room = event.room(lab.room()).map(r -> r.name().in(lang)).orElse(lab.room());
        DateTimeFormatter date = DateTimeFormatter.ofPattern(text.get("mail.date-pattern"), text.locale());
        return new Wording(text.get("mail.lab-seat.subject", eventName, title), text.get("mail.lab-seat.status", title),
                List.of(text.get("mail.lab-seat.when", date.format(lab.day()), TIME.format(lab.start()), TIME.format(lab.end()), room),
                        text.get("mail.lab-seat.give-up")), text.get("mail.ticket.intro"));
    }

    /** A staff mail (an ops alert) was written when it was queued; it goes out as stored, without a QR code. */
    private Optional<ComposedMail> composedWhenQueued(MailOutbox.PendingMail pending) {
        MailOutbox.StoredMail stored = outbox.find(pending.id())
                .orElseThrow(() -> new IllegalStateException("Mail " + pending.id() + " does not exist"));
        if (stored.recipient() == null || stored.subject() == null || stored.text() == null) {
            return Optional.empty();
        }
        return Optional.of(new ComposedMail(pending.id(), stored.recipient(), stored.subject(), stored.text(),
                stored.html() == null ? stored.text() : stored.html(), new byte[0]));
    }

    /** The first mail a person gets: confirmed, waitlisted or promoted. */
    private static boolean firstMail(MailKind kind) {
        return kind == MailKind.CONFIRMATION || kind == MailKind.WAITLIST || kind == MailKind.PROMOTION;
    }

    /** The confirmation (also after the waitlist) and the mail the day before carry the venue's calendar file. */
    private static boolean carriesTheDay(MailKind kind) {
        return kind == MailKind.CONFIRMATION || kind == MailKind.PROMOTION || kind == MailKind.DAY_BEFORE;
    }

    private static MailLayout.@Nullable Where where(EventSchedule event, MailText text, Language lang, boolean calendarAttached) {
        EventSchedule.Venue venue = event.venue();
        if (venue == null) {
            return null;
        }
        return new MailLayout.Where(text.get("mail.where"), venue.name().in(lang),
                venue.address() == null ? null : venue.address().in(lang), text.get("mail.map"), venue.mapUrl(),
                calendarAttached ? text.get("mail.calendar-attached") : null);
    }

    private static boolean stillApplies(MailKind kind, RegistrationStatus status) {
        return switch (kind) {
            case CONFIRMATION, PROMOTION -> status != RegistrationStatus.CANCELLED;
            case VERIFY -> status == RegistrationStatus.PENDING;
            case WAITLIST, STILL_WAITLISTED -> status == RegistrationStatus.WAITLISTED;
            case DAY_BEFORE, MORNING_OF, SESSION_SOON, LAB_SEAT -> status == RegistrationStatus.CONFIRMED;
            case OPS_ALERT -> true;
        };
    }
}
