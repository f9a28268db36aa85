package dev.confer.checkin;

import dev.confer.shared.RegistrationId;
import dev.confer.events.EventSchedule;
import dev.confer.registration.Attendee;
import dev.confer.registration.Registrations;
import dev.confer.shared.Rejection;
import dev.confer.tickets.Tickets;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** The badge an attendee wears, in their own language, with the keynote seat they got that day. */
@Service
public class PrintedBadges {

    private final Registrations registrations;
    private final Tickets tickets;
    private final CheckinStore checkins;
    private final BadgePrinter printer;
    private final MessageSource messages;

    PrintedBadges(Registrations registrations, Tickets tickets, CheckinStore checkins, BadgePrinter printer,
                  MessageSource messages) {
        this.registrations = registrations;
        this.tickets = tickets;
        this.checkins = checkins;
        this.printer = printer;
        this.messages = messages;
    }

    public byte[] pdf(EventSchedule event, RegistrationId registrationId, @Nullable LocalDate date) {
        Attendee attendee = registrations.find(event, registrationId)
                .orElseThrow(() -> Rejection.notFound("checkin.unknown-registration", registrationId));
        DeskCheckin.requireConfirmed(attendee);
        EventSchedule.Day day = date == null ? null
                : event.day(date).orElseThrow(() -> Rejection.notFound("badge.unknown-day", date));
        Locale locale = attendee.language().locale();
        String dayLine = null;
        String seatLine = null;
        if (day != null) {
            dayLine = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale).format(day.date());
            DeskCheckin.KeynoteSeat seat = checkins.find(registrationId, day.date())
                    .map(row -> DeskCheckin.keynoteSeat(day, row.seatNo())).orElse(null);
            if (seat != null) {
                seatLine = messages.getMessage("badge.keynote-seat", new Object[]{seat.hall(), seat.seat()}, locale);
            }
        }
        return printer.print(new BadgePrinter.Badge(event.name().in(locale), dayLine, attendee.name(), attendee.company(),
                tickets.issue(event, registrationId), seatLine));
    }
}
