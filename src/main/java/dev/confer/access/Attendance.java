package dev.confer.access;

import dev.confer.events.EventSchedule;
import dev.confer.registration.Attendee;
import dev.confer.shared.RegistrationId;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What an attendee attended: the sessions a door admitted them to (from {@code session_attendance}, written by the
 * taps), and a certificate of attendance (PDF, Korean font embedded) listing them, for employers that sent them.
 */
@Service
public class Attendance {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final JdbcClient jdbc;
    private final CertificatePrinter printer;
    private final MessageSource messages;

    Attendance(JdbcClient jdbc, CertificatePrinter printer, MessageSource messages) {
        this.jdbc = jdbc;
        this.printer = printer;
        this.messages = messages;
    }

    /** A session attended, with when the attendee first went in. */
    public record Attended(EventSchedule.Session session, Instant firstAt) {
    }

    /** The sessions this attendee was admitted to, in programme order. */
    public List<Attended> of(EventSchedule event, RegistrationId attendee) {
        Map<String, Instant> admitted = jdbc.sql("SELECT session_code, first_at FROM session_attendance WHERE event_id = ? AND registration_id = ?")
                .params(event.id(), attendee.value())
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant()))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
        return event.sessions().stream().filter(s -> admitted.containsKey(s.code()))
                .sorted(Comparator.comparing(EventSchedule.Session::day).thenComparing(EventSchedule.Session::start))
                .map(s -> new Attended(s, admitted.get(s.code()))).toList();
    }

    /** The certificate of attendance as a PDF, in {@code locale}. */
    public byte[] certificate(EventSchedule event, Attendee attendee, Locale locale, Instant now) {
        List<Attended> attended = of(event, attendee.id());
        String eventName = event.name().in(locale);
        String dates = event.days().isEmpty() ? "" : event.days().getFirst().date() + (event.days().size() > 1
                ? " – " + event.days().getLast().date() : "");
        String who = attendee.company() == null || attendee.company().isBlank() ? attendee.name()
                : attendee.name() + " (" + attendee.company() + ")";
        List<String> intro = List.of(
                messages.getMessage("access.certificate.intro", new Object[]{who, eventName, dates}, locale),
                messages.getMessage("access.certificate.count", new Object[]{attended.size()}, locale));
        List<String> sessions = attended.isEmpty() ? List.of(messages.getMessage("access.certificate.none", null, locale))
                : attended.stream().map(a -> a.session().day() + " " + TIME.format(a.session().start()) + "–"
                        + TIME.format(a.session().end()) + "  " + a.session().title().in(locale)
                        + (a.session().speakers().isEmpty() ? "" : " · " + a.session().speakers().stream()
                        .map(EventSchedule.Speaker::name).collect(Collectors.joining(", ")))).toList();
        String footer = messages.getMessage("access.certificate.footer",
                new Object[]{now.atZone(event.zone()).toLocalDate().toString(), eventName}, locale);
        return printer.print(new CertificatePrinter.Certificate(
                messages.getMessage("access.certificate.heading", null, locale), intro,
                messages.getMessage("access.certificate.sessions", null, locale), sessions, footer));
    }
}
