package dev.confer.checkin;

import dev.confer.events.EventSchedule;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The check-in module's API for other modules: who is in today, whose badge is this, day counts. */
@Service
public class Checkins {

    private final JdbcClient jdbc;

    Checkins(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean checkedIn(UUID registrationId, LocalDate day) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM checkin WHERE registration_id = ? AND day = ?)")
                .params(registrationId, day).query(Boolean.class).single();
    }

    /** The registration an NFC badge is bound to. UIDs are compared upper-case without separators. */
    public Optional<UUID> registrationForBadge(long eventId, String nfcUid) {
        return jdbc.sql("SELECT registration_id FROM nfc_badge WHERE event_id = ? AND nfc_uid = ?")
                .params(eventId, normalizeUid(nfcUid)).query(UUID.class).optional();
    }

    public List<DayCount> dayCounts(EventSchedule event) {
        return jdbc.sql("""
                        SELECT s.day, s.voucher_stock, s.vouchers_issued, s.keynote_seats, s.seats_taken,
                               (SELECT count(*) FROM checkin c WHERE c.event_id = s.event_id AND c.day = s.day),
                               (SELECT count(*) FROM checkin c WHERE c.event_id = s.event_id AND c.day = s.day
                                                              AND c.voucher_redeemed_at IS NOT NULL)
                        FROM day_stock s WHERE s.event_id = ? ORDER BY s.day""")
                .param(event.id())
                .query((rs, n) -> new DayCount(rs.getObject(1, LocalDate.class), rs.getInt(6), rs.getInt(2), rs.getInt(3),
                        rs.getInt(7), rs.getInt(4), rs.getInt(5)))
                .list();
    }

    static String normalizeUid(String uid) {
        return uid.replaceAll("[^0-9A-Fa-f]", "").toUpperCase(java.util.Locale.ROOT);
    }
}
