package dev.confer.privacy;

import dev.confer.access.LeadsCsv;
import dev.confer.events.EventSchedule;
import dev.confer.registration.Attendee;
import dev.confer.registration.RegistrationStatus;
import dev.confer.registration.Registrations;
import dev.confer.shared.PersonalDataViewed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The organizer's exports as files Excel opens (UTF-8 with a byte order mark, CRLF, times in the event's zone,
 * formula-like cells defused): the registrations and the access log. Exporting registrations is logged.
 */
@Service
public class Exports {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final Registrations registrations;
    private final AccessLog accessLog;
    private final ApplicationEventPublisher publisher;
    private final MessageSource messages;

    Exports(Registrations registrations, AccessLog accessLog, ApplicationEventPublisher publisher, MessageSource messages) {
        this.registrations = registrations;
        this.accessLog = accessLog;
        this.publisher = publisher;
        this.messages = messages;
    }

    /** Everyone registered (confirmed and waitlisted; not the cancelled, never the erased), logged for {@code actor}. */
    public byte[] registrations(EventSchedule event, String actor, Locale locale) {
        List<String[]> rows = registrationRows(event, locale);
        publisher.publishEvent(new PersonalDataViewed(event.id(), actor, "REGISTRATIONS_EXPORT", rows.size() - 1, "csv"));
        return LeadsCsv.file(rows);
    }

    /**
     * The same rows as {@link #registrations} as an XLSX workbook (one sheet, the headings frozen); every cell is a
     * string cell, so nothing an attendee typed can become a formula. Logged for {@code actor}.
     */
    public byte[] registrationsXlsx(EventSchedule event, String actor, Locale locale) {
        List<String[]> rows = registrationRows(event, locale);
        publisher.publishEvent(new PersonalDataViewed(event.id(), actor, "REGISTRATIONS_EXPORT", rows.size() - 1, "xlsx"));
        return Spreadsheets.xlsx(messages.getMessage("privacy.xlsx.sheet", null, "Registrations", locale), rows);
    }

    private List<String[]> registrationRows(EventSchedule event, Locale locale) {
        List<Attendee> people = new ArrayList<>();
        for (RegistrationStatus status : List.of(RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED)) {
            for (int offset = 0; ; offset += 500) {
                List<Attendee> page = registrations.search(event, status, null, 500, offset);
                page.stream().filter(a -> !a.isErased()).forEach(people::add);
                if (page.size() < 500) {
                    break;
                }
            }
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(headings(locale, "privacy.csv.", "id", "status", "name", "email", "company", "job-title", "language", "registered",
                "sponsor-sharing"));
        String yes = messages.getMessage("privacy.csv.yes", null, "yes", locale);
        String no = messages.getMessage("privacy.csv.no", null, "no", locale);
        for (Attendee a : people) {
            rows.add(new String[]{a.id().toString(), a.status().name(), a.name(), a.email(), a.company(), a.jobTitle(),
                    a.language().code(), TIME.format(a.registeredAt().atZone(event.zone())), a.sponsorSharing() ? yes : no});
        }
        return rows;
    }

    /** The access log, newest first (it holds no personal data: who is a staff role and token, never a person). */
    public byte[] accessLog(EventSchedule event, Locale locale) {
        List<String[]> rows = new ArrayList<>();
        rows.add(headings(locale, "privacy.log.", "at", "actor", "action", "people", "detail"));
        for (AccessLog.Entry e : accessLog.of(event.id(), 100_000)) {
            rows.add(new String[]{TIME.format(e.at().atZone(event.zone())), e.actor(),
                    messages.getMessage("privacy.action." + e.action(), null, e.action(), locale), Integer.toString(e.people()), e.detail()});
        }
        return LeadsCsv.file(rows);
    }

    /** A CSV file as a download Excel keeps the name of. */
    public static ResponseEntity<byte[]> download(String filename, byte[] file) {
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(filename, StandardCharsets.UTF_8).build().toString())
                .body(file);
    }

    /** An XLSX workbook as a download. */
    public static ResponseEntity<byte[]> downloadXlsx(String filename, byte[] file) {
        return ResponseEntity.ok().contentType(Spreadsheets.XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(filename, StandardCharsets.UTF_8).build().toString())
                .body(file);
    }

    private String[] headings(Locale locale, String prefix, String... keys) {
        return java.util.Arrays.stream(keys).map(h -> messages.getMessage(prefix + h, null, h, locale)).toArray(String[]::new);
    }
}
