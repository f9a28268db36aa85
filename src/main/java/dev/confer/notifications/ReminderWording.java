package dev.confer.notifications;

import dev.confer.shared.Language;
import dev.confer.access.SeatsLeft;
import dev.confer.events.EventSchedule;
import dev.confer.registration.Attendee;
import dev.confer.registration.Registrations;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * What the reminder mails say: the day before and the morning of each day (doors, venue, keynote, bring
 * the QR), the still-on-the-waitlist note, and the nudge before a starred session (room, floor,
 * directions and the seats left right now).
 */
@Component
class ReminderWording {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    /** Below this share of seats left, the nudge says the session is filling up. */
    private static final double FILLING_UP = 0.2;

    private final Registrations registrations;
    private final SeatsLeft seatsLeft;

    ReminderWording(Registrations registrations, SeatsLeft seatsLeft) {
        this.registrations = registrations;
        this.seatsLeft = seatsLeft;
    }

    MailComposer.Wording wording(MailKind kind, String ref, EventSchedule event, Attendee attendee, MailText text, Language lang) {
        String eventName = event.name().in(lang);
        return switch (kind) {
            case DAY_BEFORE -> {
                EventSchedule.Day day = day(event, ref);
                yield new MailComposer.Wording(text.get("mail.day-before.subject", eventName, TIME.format(day.doorsOpen())),
                        text.get("mail.day-before.status", eventName, longDate(day.date(), text)),
                        dayDetails(event, day, text, lang), text.get("mail.day-before.ticket"));
            }
            case MORNING_OF -> {
                EventSchedule.Day day = day(event, ref);
                int number = event.days().stream().map(EventSchedule.Day::date).sorted().toList().indexOf(day.date()) + 1;
                yield new MailComposer.Wording(text.get("mail.morning-of.subject", eventName, TIME.format(day.doorsOpen())),
                        text.get("mail.morning-of.status", eventName, number),
                        dayDetails(event, day, text, lang), text.get("mail.morning-of.ticket"));
            }
            case STILL_WAITLISTED -> {
                Integer position = registrations.waitlistPosition(attendee);
                yield new MailComposer.Wording(text.get("mail.still-waitlisted.subject", eventName, position),
                        text.get("mail.still-waitlisted.status", eventName, position), List.of(),
                        text.get("mail.ticket.intro-waitlisted"));
            }
            case SESSION_SOON -> sessionSoon(event, ref, text, lang);
            case CONFIRMATION, VERIFY, WAITLIST, PROMOTION, LAB_SEAT, OPS_ALERT -> throw new IllegalArgumentException("Not a reminder: " + kind);
        };
    }

    /** Doors (and where), then the keynote and the lunch window if the day has them. */
    static List<String> dayDetails(EventSchedule event, EventSchedule.Day day, MailText text, Language lang) {
        List<String> lines = new ArrayList<>();
        String doors = TIME.format(day.doorsOpen());
        if (event.venue() != null) {
            String venue = event.venue().name().in(lang);
            if (event.venue().address() != null && !event.venue().address().isBlank()) {
                venue = venue + " (" + event.venue().address().in(lang) + ")";
            }
            lines.add(text.get("mail.reminder.doors-at", doors, venue));
        } else {
            lines.add(text.get("mail.reminder.doors", doors));
        }
        if (day.keynote() != null && day.keynote().title() != null) {
            lines.add(text.get("mail.reminder.keynote-titled", TIME.format(day.keynote().start()), day.keynote().title().in(lang)));
        } else if (day.keynote() != null) {
            lines.add(text.get("mail.reminder.keynote", TIME.format(day.keynote().start())));
        }
        EventSchedule.Lunch lunch = day.lunch();
        if (lunch != null && lunch.place() != null) {
            lines.add(text.get("mail.reminder.lunch-at", TIME.format(lunch.from()), TIME.format(lunch.to()), lunch.place().in(lang)));
        } else if (lunch != null) {
            lines.add(text.get("mail.reminder.lunch", TIME.format(lunch.from()), TIME.format(lunch.to())));
        }
        return lines;
    }

    private MailComposer.Wording sessionSoon(EventSchedule event, String code, MailText text, Language lang) {
        EventSchedule.Session session = event.session(code)
                .orElseThrow(() -> new IllegalStateException("Session " + code + " is not in " + event.slug()));
        String title = session.title().in(lang);
        String start = TIME.format(session.start());
        EventSchedule.Room room = event.room(session.room()).orElse(null);
        String roomName = room == null ? session.room() : room.name().in(lang);
        List<String> lines = new ArrayList<>();
        lines.add(text.get("mail.session-soon.time", start, TIME.format(session.end())));
        lines.add(text.get("mail.session-soon.room", roomName));
        if (room != null && room.floor() != null && !room.floor().isBlank()) {
            lines.add(text.get("mail.session-soon.floor", room.floor()));
        }
        if (room != null && room.directions() != null && !room.directions().isBlank()) {
            lines.add(text.get("mail.session-soon.directions", room.directions().in(lang)));
        }
        SeatsLeft.Seats seats = seatsLeft.at(event, session);
        if (seats.capacity() > 0) {
            if (seats.left() == 0) {
                lines.add(text.get("mail.session-soon.full", seats.capacity()));
            } else if (seats.left() < seats.capacity() * FILLING_UP) {
                lines.add(text.get("mail.session-soon.filling-up", seats.left(), seats.capacity()));
            } else {
                lines.add(text.get("mail.session-soon.seats", seats.left(), seats.capacity()));
            }
        }
        return new MailComposer.Wording(text.get("mail.session-soon.subject", event.name().in(lang), start, title),
                text.get("mail.session-soon.status", title, start, roomName), lines, text.get("mail.session-soon.ticket"));
    }

    private static EventSchedule.Day day(EventSchedule event, String ref) {
        return event.day(LocalDate.parse(ref))
                .orElseThrow(() -> new IllegalStateException("Day " + ref + " is not in " + event.slug()));
    }

    private static String longDate(LocalDate date, MailText text) {
        return DateTimeFormatter.ofPattern(text.get("mail.date-pattern"), text.locale()).format(date);
    }

}
