package dev.confer.registration;

import dev.confer.events.EventSchedule;
import dev.confer.shared.RegistrationId;
import dev.confer.shared.Rejection;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The consents of each registration: every one given or withdrawn is a row with the notice version it answered,
 * and the current choice to share with sponsors is the registration's {@code sponsor_sharing}, which the booth
 * leads read. Only the attendee changes them (My ticket, or the API with the manage token).
 */
@Service
public class ConsentLedger {

    private final JdbcClient jdbc;

    ConsentLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One consent as recorded. */
    public record Entry(String purpose, boolean granted, @Nullable String noticeVersion, String source, Instant recordedAt) {
    }

    /**
     * Where an attendee stands: {@code processing} consented by themselves (or, for a team member, only by the
     * lead's word: then {@code needsConfirmation}), sharing with sponsors on or off, and the history.
     */
    public record State(boolean processing, boolean sponsorSharing, boolean needsConfirmation, @Nullable String noticeVersion,
                        List<Entry> history) {
    }

    public State state(EventSchedule event, RegistrationId id) {
        Boolean sharing = jdbc.sql("SELECT sponsor_sharing FROM registration WHERE id = ? AND event_id = ?")
                .params(id.value(), event.id()).query(Boolean.class).optional()
                .orElseThrow(() -> Rejection.notFound("registration.not-found", id));
        List<Entry> history = history(id);
        boolean own = history.stream().anyMatch(e -> e.purpose().equals("PROCESSING") && e.granted() && !e.source().equals("TEAM_LEAD"));
        boolean byLead = history.stream().anyMatch(e -> e.purpose().equals("PROCESSING") && e.source().equals("TEAM_LEAD"));
        return new State(own || byLead, sharing, byLead && !own && event.privacy() != null,
                event.privacy() == null ? null : event.privacy().noticeVersion(), history);
    }

    public List<Entry> history(RegistrationId id) {
        return jdbc.sql("""
                        SELECT purpose, granted, notice_version, source, recorded_at FROM consent
                        WHERE registration_id = ? ORDER BY id""")
                .param(id.value())
                .query((rs, n) -> new Entry(rs.getString(1), rs.getBoolean(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant()))
                .list();
    }

    /**
     * The attendee's own answer (My ticket, the API). Processing must stay given where the event has a notice (to
     * withdraw it, erase the data); sharing is set as asked. Only changes are recorded, so sending the same answer
     * again changes nothing. Refused (409) for a cancelled or erased registration: nothing of it is shared anyway.
     */
    @Transactional
    public State answer(EventSchedule event, RegistrationId id, Consents consents) {
        Registrations.requireConsent(event, consents.processing() == null && event.privacy() != null
                ? new Consents(true, consents.sponsorSharing()) : consents);
        record Row(String status, boolean sharing, boolean erased) {
        }
        Row row = jdbc.sql("SELECT status, sponsor_sharing, erased_at IS NOT NULL FROM registration WHERE id = ? AND event_id = ? FOR UPDATE")
                .params(id.value(), event.id())
                .query((rs, n) -> new Row(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3))).optional()
                .orElseThrow(() -> Rejection.notFound("registration.not-found", id));
        if (row.erased() || row.status().equals("CANCELLED")) {
            throw Rejection.conflict("registration.consent-closed");
        }
        String version = event.privacy() == null ? null : event.privacy().noticeVersion();
        State before = state(event, id);
        if (consents.processingGiven() && (before.needsConfirmation() || !before.processing())) {
            record(event, id, "PROCESSING", true, version);
        }
        if (consents.sponsorSharing() != null && consents.sharingGiven() != row.sharing()) {
            jdbc.sql("UPDATE registration SET sponsor_sharing = ? WHERE id = ?").params(consents.sharingGiven(), id.value()).update();
            record(event, id, "SPONSOR_SHARING", consents.sharingGiven(), version);
        } else if (consents.sponsorSharing() != null && before.needsConfirmation()) {
            record(event, id, "SPONSOR_SHARING", consents.sharingGiven(), version); // a member's first own answer, even "no"
        }
        return state(event, id);
    }

    private void record(EventSchedule event, RegistrationId id, String purpose, boolean granted, @Nullable String version) {
        jdbc.sql("""
                        INSERT INTO consent (event_id, registration_id, purpose, granted, notice_version, source)
                        VALUES (?, ?, ?, ?, ?, 'MY_TICKET')""")
                .params(event.id(), id.value(), purpose, granted, version).update();
    }
}
