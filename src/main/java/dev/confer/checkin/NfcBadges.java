package dev.confer.checkin;

import dev.confer.shared.RegistrationId;
import dev.confer.events.EventSchedule;
import dev.confer.registration.Attendee;
import dev.confer.registration.Registrations;
import dev.confer.shared.Rejection;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.regex.Pattern;

/** The NFC chip in a printed badge, bound to its attendee so that doors and booths can recognise them. */
@Service
public class NfcBadges {

    // 4, 7 or 10 bytes in practice (ISO 14443 single/double/triple size); anything from 4 to 10 is accepted
    private static final Pattern UID = Pattern.compile("(?:[0-9A-F]{2}){4,10}");
    private static final Pattern HEX_WITH_SEPARATORS = Pattern.compile("[0-9A-Fa-f:\\-\\s]*");

    private final JdbcClient jdbc;
    private final Registrations registrations;
    private final Clock clock;

    NfcBadges(JdbcClient jdbc, Registrations registrations, Clock clock) {
        this.jdbc = jdbc;
        this.registrations = registrations;
        this.clock = clock;
    }

    public record Bound(RegistrationId registrationId, String nfcUid, OffsetDateTime boundAt) {
    }

    /** Binds the badge to the attendee, replacing the attendee's previous badge; one attendee per badge. */
    public Bound bind(EventSchedule event, RegistrationId registrationId, @Nullable String rawUid) {
        String text = rawUid == null ? "" : rawUid.strip();
        String uid = Checkins.normalizeUid(text);
        if (!HEX_WITH_SEPARATORS.matcher(text).matches() || !UID.matcher(uid).matches()) {
            throw Rejection.badRequest("badge.bad-uid", text);
        }
        Attendee attendee = registrations.find(event, registrationId)
                .orElseThrow(() -> Rejection.notFound("checkin.unknown-registration", registrationId));
        DeskCheckin.requireConfirmed(attendee);
        Instant now = clock.instant();
        try {
            // the primary key (event, uid) refuses a badge that belongs to someone else
            jdbc.sql("""
                            INSERT INTO nfc_badge (event_id, nfc_uid, registration_id, bound_at) VALUES (?, ?, ?, ?)
                            ON CONFLICT (registration_id) DO UPDATE SET nfc_uid = EXCLUDED.nfc_uid, bound_at = EXCLUDED.bound_at""")
                    .params(event.id(), uid, registrationId.value(), Timestamp.from(now))
                    .update();
        } catch (DuplicateKeyException e) {
            String holder = jdbc.sql("SELECT registration_id FROM nfc_badge WHERE event_id = ? AND nfc_uid = ?")
                    .params(event.id(), uid).query((rs, n) -> new RegistrationId(rs.getObject(1, UUID.class))).optional()
                    .flatMap(id -> registrations.find(event, id)).map(Attendee::name).orElse("?");
            throw Rejection.conflict("badge.uid-taken", uid, holder);
        }
        return new Bound(registrationId, uid, now.atZone(event.zone()).toOffsetDateTime());
    }
}
