package dev.confer.checkin;

import dev.confer.events.EventSchedule;
import dev.confer.registration.Attendee;
import dev.confer.registration.Registrations;
import dev.confer.shared.PersonalDataViewed;
import dev.confer.shared.RegistrationId;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The print log of badges: every print at a desk with who printed it (the desk's token, never a person) and whether it
 * was a reprint (the attendee had a badge printed before), for the organizer to see. A print is recorded under the
 * page's own id for that press of Print (or that auto-print), so a print the page reports twice counts once.
 */
@Service
public class BadgePrints {

    private final JdbcClient jdbc;
    private final Registrations registrations;
    private final ApplicationEventPublisher publisher;

    BadgePrints(JdbcClient jdbc, Registrations registrations, ApplicationEventPublisher publisher) {
        this.jdbc = jdbc;
        this.registrations = registrations;
        this.publisher = publisher;
    }

    public record BadgePrint(UUID printId, RegistrationId registrationId, Instant printedAt, String printedBy, boolean reprint) {
    }

    /** A print with the attendee's name as it is now (an erased attendee's is the erased placeholder). */
    public record NamedPrint(BadgePrint print, @Nullable String name) {
    }

    /**
     * The latest prints with the attendees' names, for the organizer: a view of personal data, so it is logged for
     * {@code actor} with the number of people named.
     */
    public List<NamedPrint> named(EventSchedule event, boolean reprintsOnly, int limit, String actor) {
        List<BadgePrint> latest = latest(event, reprintsOnly, limit);
        Map<RegistrationId, Attendee> who = registrations.findAll(latest.stream().map(BadgePrint::registrationId).distinct().toList())
                .stream().collect(Collectors.toMap(Attendee::id, Function.identity()));
        publisher.publishEvent(new PersonalDataViewed(event.id(), actor, "BADGE_PRINTS", who.size(), null));
        return latest.stream().map(p -> new NamedPrint(p, who.containsKey(p.registrationId()) ? who.get(p.registrationId()).name() : null))
                .toList();
    }

    /**
     * Records one print; a print id seen before changes nothing. Two desks printing the same person's first badge in
     * the same instant may both be logged as first prints: both prints are in the log, which is what the organizer needs.
     */
    public void record(EventSchedule event, RegistrationId registrationId, UUID printId, String printedBy, Instant at) {
        jdbc.sql("""
                        INSERT INTO badge_print (print_id, event_id, registration_id, printed_at, printed_by, reprint)
                        SELECT ?, ?, ?, ?, ?, EXISTS (SELECT 1 FROM badge_print WHERE registration_id = ?)
                        ON CONFLICT (print_id) DO NOTHING""")
                .params(printId, event.id(), registrationId.value(), Timestamp.from(at), printedBy, registrationId.value())
                .update();
    }

    /** The latest prints of the event, newest first; {@code reprintsOnly} leaves out first prints. */
    public List<BadgePrint> latest(EventSchedule event, boolean reprintsOnly, int limit) {
        return jdbc.sql("""
                        SELECT print_id, registration_id, printed_at, printed_by, reprint FROM badge_print
                        WHERE event_id = ? AND (reprint OR NOT ?) ORDER BY printed_at DESC, print_id LIMIT ?""")
                .params(event.id(), reprintsOnly, limit)
                .query((rs, n) -> new BadgePrint(rs.getObject(1, UUID.class), new RegistrationId(rs.getObject(2, UUID.class)),
                        rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getBoolean(5)))
                .list();
    }
}
