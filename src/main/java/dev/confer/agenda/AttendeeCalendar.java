package dev.confer.agenda;

import dev.confer.events.EventSchedule;
import dev.confer.registration.Attendee;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Locale;

/**
 * The calendar file (iCalendar) a mail carries: the event's days at the venue and the sessions on the
 * attendee's agenda, where there are any. Unlike the subscribed feed it is imported once, so it says the
 * day as the mail does.
 */
@Component
public class AttendeeCalendar {

    private final Agendas agendas;
    private final CalendarFeed feed;
    private final Clock clock;

    AttendeeCalendar(Agendas agendas, CalendarFeed feed, Clock clock) {
        this.agendas = agendas;
        this.feed = feed;
        this.clock = clock;
    }

    /** The file's text (UTF-8, CRLF lines) in the attendee's language; links start at {@code baseUrl}. */
    public String forMail(EventSchedule event, Attendee attendee, Locale locale, String baseUrl) {
        return feed.write(event, attendee.id(), agendas.of(event, attendee), locale, baseUrl, clock.instant(), true);
    }
}
