package dev.confer.agenda;

import dev.confer.shared.Language;
import dev.confer.shared.RegistrationId;
import dev.confer.events.EventSchedule;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Locale;

/**
 * An attendee's agenda as an iCalendar feed (RFC 5545) that calendar apps subscribe to and poll: one event
 * per session, times in the event's time zone (with its VTIMEZONE), the room, floor and directions as the
 * location and description. UIDs are stable per attendee and session, so a moved session moves in the
 * calendar and an unstarred one disappears at the next poll.
 */
@Component
class CalendarFeed {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final MessageSource messages;

    CalendarFeed(MessageSource messages) {
        this.messages = messages;
    }

    String write(EventSchedule event, RegistrationId registrationId, PersonalAgenda agenda, Locale locale, String baseUrl, Instant now) {
        return write(event, registrationId, agenda, locale, baseUrl, now, false);
    }

    /**
     * With {@code withDays}, also one event per event day (doors to end, at the venue, with its map link): the
     * file attached to the confirmation and the day-before mail, which a calendar app imports once.
     */
    String write(EventSchedule event, RegistrationId registrationId, PersonalAgenda agenda, Locale locale, String baseUrl, Instant now,
                 boolean withDays) {
        Language lang = Language.of(locale);
        Lines out = new Lines();
        out.add("BEGIN:VCALENDAR");
        out.add("VERSION:2.0");
        out.add("PRODID:-//Confer//Personal agenda//" + lang.code().toUpperCase(Locale.ROOT));
        out.add("CALSCALE:GREGORIAN");
        out.add("METHOD:PUBLISH");
        out.add("X-WR-CALNAME:" + text(messages.getMessage("agenda.calendar.name", new Object[]{event.name().in(lang)}, locale)));
        out.add("X-WR-TIMEZONE:" + event.zone().getId());
        out.add("REFRESH-INTERVAL;VALUE=DURATION:PT1H");
        out.add("X-PUBLISHED-TTL:PT1H");
        timeZone(out, event);
        String stamp = UTC.format(now);
        if (withDays) {
            for (EventSchedule.Day day : event.days()) {
                out.add("BEGIN:VEVENT");
                out.add("UID:" + event.slug() + "-day-" + day.date() + "-" + registrationId + "@confer");
                out.add("DTSTAMP:" + stamp);
                out.add("DTSTART;TZID=" + event.zone().getId() + ":" + LOCAL.format(LocalDateTime.of(day.date(), day.doorsOpen())));
                out.add("DTEND;TZID=" + event.zone().getId() + ":" + LOCAL.format(LocalDateTime.of(day.date(), day.end())));
                out.add("SUMMARY:" + text(event.name().in(lang)));
                EventSchedule.Venue venue = event.venue();
                if (venue != null) {
                    out.add("LOCATION:" + text(venue.address() == null ? venue.name().in(lang)
                            : venue.name().in(lang) + ", " + venue.address().in(lang)));
                }
                StringBuilder d = new StringBuilder(messages.getMessage("agenda.calendar.doors",
                        new Object[]{day.doorsOpen().toString()}, locale));
                if (venue != null && venue.mapUrl() != null) {
                    d.append("\n").append(messages.getMessage("agenda.calendar.map", new Object[]{venue.mapUrl()}, locale));
                }
                out.add("DESCRIPTION:" + text(d.toString()));
                out.add("URL:" + baseUrl + "/e/" + event.slug());
                out.add("STATUS:CONFIRMED");
                out.add("TRANSP:OPAQUE");
                out.add("END:VEVENT");
            }
        }
        keynotes(out, event, registrationId, lang, locale, baseUrl, stamp);
        for (PersonalAgenda.Entry entry : agenda.entries()) {
            EventSchedule.Session s = entry.session();
            EventSchedule.Room room = event.room(s.room()).orElse(null);
            out.add("BEGIN:VEVENT");
            out.add("UID:" + event.slug() + "-" + s.code() + "-" + registrationId + "@confer");
            out.add("DTSTAMP:" + stamp);
            out.add("DTSTART;TZID=" + event.zone().getId() + ":" + LOCAL.format(LocalDateTime.of(s.day(), s.start())));
            out.add("DTEND;TZID=" + event.zone().getId() + ":" + LOCAL.format(LocalDateTime.of(s.day(), s.end())));
            out.add("SUMMARY:" + text(s.title().in(lang)));
            out.add("LOCATION:" + text(location(room, s, lang, locale)));
            out.add("DESCRIPTION:" + text(description(event, entry, room, lang, locale, baseUrl)));
            out.add("URL:" + baseUrl + "/e/" + event.slug() + "/sessions/" + s.code());
            out.add("STATUS:CONFIRMED");
            out.add("TRANSP:OPAQUE");
            out.add("END:VEVENT");
        }
        out.add("END:VCALENDAR");
        return out.toString();
    }

    /** A keynote with a title is a programme item everyone attends: it is in every attendee's calendar. */
    private void keynotes(Lines out, EventSchedule event, RegistrationId registrationId, Language lang, Locale locale,
                          String baseUrl, String stamp) {
        for (EventSchedule.Day day : event.days()) {
            EventSchedule.Keynote k = day.keynote();
            if (k == null || k.title() == null) {
                continue;
            }
            out.add("BEGIN:VEVENT");
            out.add("UID:" + event.slug() + "-keynote-" + day.date() + "-" + registrationId + "@confer");
            out.add("DTSTAMP:" + stamp);
            out.add("DTSTART;TZID=" + event.zone().getId() + ":" + LOCAL.format(LocalDateTime.of(day.date(), k.start())));
            out.add("DTEND;TZID=" + event.zone().getId() + ":" + LOCAL.format(LocalDateTime.of(day.date(), k.end())));
            out.add("SUMMARY:" + text(messages.getMessage("agenda.calendar.keynote", new Object[]{k.title().in(lang)}, locale)));
            out.add("LOCATION:" + text(String.join(", ", k.halls().stream().map(EventSchedule.Hall::name).toList())));
            StringBuilder d = new StringBuilder();
            if (!k.speakers().isEmpty()) {
                d.append(String.join(", ", k.speakers().stream()
                        .map(sp -> sp.company() == null ? sp.name() : sp.name() + " (" + sp.company() + ")").toList())).append("\n");
            }
            d.append(baseUrl).append("/e/").append(event.slug()).append("/agenda?day=").append(day.date());
            out.add("DESCRIPTION:" + text(d.toString()));
            out.add("URL:" + baseUrl + "/e/" + event.slug() + "/agenda?day=" + day.date());
            out.add("STATUS:CONFIRMED");
            out.add("TRANSP:OPAQUE");
            out.add("END:VEVENT");
        }
    }

    private String location(EventSchedule.Room room, EventSchedule.Session s, Language lang, Locale locale) {
        if (room == null) {
            return s.room();
        }
        String name = room.name().in(lang);
        return room.floor() == null || room.floor().isBlank() ? name
                : messages.getMessage("agenda.calendar.room-floor", new Object[]{name, room.floor()}, locale);
    }

    private String description(EventSchedule event, PersonalAgenda.Entry entry, EventSchedule.Room room, Language lang,
                               Locale locale, String baseUrl) {
        StringBuilder d = new StringBuilder();
        EventSchedule.Session s = entry.session();
        if (!s.speakers().isEmpty()) {
            d.append(String.join(", ", s.speakers().stream()
                    .map(sp -> sp.company() == null ? sp.name() : sp.name() + " (" + sp.company() + ")").toList())).append("\n");
        }
        if (entry.source() == PersonalAgenda.Source.TEAM_PLAN) {
            d.append(messages.getMessage("agenda.calendar.team-plan", null, locale)).append("\n");
        }
        if (entry.source() == PersonalAgenda.Source.LAB_SEAT) {
            d.append(messages.getMessage("agenda.calendar.lab-seat", null, locale)).append("\n");
        }
        if (room != null && room.directions() != null && !room.directions().isBlank()) {
            d.append(messages.getMessage("agenda.calendar.directions", new Object[]{room.directions().in(lang)}, locale)).append("\n");
        }
        d.append(baseUrl).append("/e/").append(event.slug()).append("/sessions/").append(s.code());
        return d.toString();
    }

    /**
     * The event's zone as a VTIMEZONE: the offset in force a year before the first day, then every transition
     * up to a year after the last, so any client places the sessions right without a time-zone database.
     */
    private static void timeZone(Lines out, EventSchedule event) {
        ZoneRules rules = event.zone().getRules();
        LocalDateTime first = event.days().stream().map(EventSchedule.Day::date).min(java.util.Comparator.naturalOrder())
                .orElse(java.time.LocalDate.of(2026, 1, 1)).atStartOfDay().minusYears(1);
        LocalDateTime last = event.days().stream().map(EventSchedule.Day::date).max(java.util.Comparator.naturalOrder())
                .orElse(java.time.LocalDate.of(2026, 1, 1)).atStartOfDay().plusYears(1);
        Instant from = first.toInstant(ZoneOffset.UTC);
        Instant until = last.toInstant(ZoneOffset.UTC);
        out.add("BEGIN:VTIMEZONE");
        out.add("TZID:" + event.zone().getId());
        ZoneOffset initial = rules.getOffset(from);
        observance(out, rules.isDaylightSavings(from) ? "DAYLIGHT" : "STANDARD", LocalDateTime.of(1970, 1, 1, 0, 0), initial, initial);
        ZoneOffsetTransition t = rules.nextTransition(from);
        while (t != null && t.getInstant().isBefore(until)) {
            observance(out, rules.isDaylightSavings(t.getInstant()) ? "DAYLIGHT" : "STANDARD", t.getDateTimeBefore(),
                    t.getOffsetBefore(), t.getOffsetAfter());
            t = rules.nextTransition(t.getInstant());
        }
        out.add("END:VTIMEZONE");
    }

    private static void observance(Lines out, String kind, LocalDateTime start, ZoneOffset fromOffset, ZoneOffset toOffset) {
        out.add("BEGIN:" + kind);
        out.add("DTSTART:" + LOCAL.format(start));
        out.add("TZOFFSETFROM:" + offset(fromOffset));
        out.add("TZOFFSETTO:" + offset(toOffset));
        out.add("END:" + kind);
    }

    private static String offset(ZoneOffset offset) {
        int seconds = offset.getTotalSeconds();
        int abs = Math.abs(seconds);
        return String.format(Locale.ROOT, "%s%02d%02d", seconds < 0 ? "-" : "+", abs / 3600, abs / 60 % 60);
    }

    /** TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545, 3.3.11). */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
    }

    /** Content lines ended by CRLF and folded at 75 octets without splitting a UTF-8 character. */
    static final class Lines {
        private final StringBuilder out = new StringBuilder();

        void add(String line) {
            int octets = 0;
            int limit = 75;
            for (int i = 0; i < line.length(); ) {
                int cp = line.codePointAt(i);
                int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
                if (octets + size > limit) {
                    out.append("\r\n ");
                    octets = 1;
                    limit = 75;
                }
                out.appendCodePoint(cp);
                octets += size;
                i += Character.charCount(cp);
            }
            out.append("\r\n");
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }
}
