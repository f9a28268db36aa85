package dev.confer.checkin;

import dev.confer.shared.PersonalData;
import dev.confer.shared.RegistrationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A person's check-ins (day, time, voucher, keynote seat) and NFC badge. Check-ins are what the day's figures
 * count and hold nothing personal, so they stay; the NFC badge binding (the serial number of a card the person
 * carries) is removed.
 */
@Component
class CheckinData implements PersonalData {

    private final JdbcClient jdbc;

    CheckinData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String part() {
        return "checkins";
    }

    @Override
    public Object export(long eventId, RegistrationId id) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("days", jdbc.sql("""
                        SELECT day, checked_in_at, voucher_no, voucher_redeemed_at, seat_no FROM checkin
                        WHERE registration_id = ? AND event_id = ? ORDER BY day""")
                .params(id.value(), eventId)
                .query((rs, n) -> {
                    Map<String, Object> day = new LinkedHashMap<>();
                    day.put("day", rs.getString(1));
                    day.put("checkedInAt", rs.getObject(2, OffsetDateTime.class).toInstant().toString());
                    day.put("voucher", rs.getObject(3));
                    OffsetDateTime redeemed = rs.getObject(4, OffsetDateTime.class);
                    day.put("voucherRedeemedAt", redeemed == null ? null : redeemed.toInstant().toString());
                    day.put("keynoteSeat", rs.getObject(5));
                    return day;
                }).list());
        out.put("nfcBadge", jdbc.sql("SELECT nfc_uid FROM nfc_badge WHERE registration_id = ? AND event_id = ?")
                .params(id.value(), eventId).query(String.class).optional().orElse(null));
        return out;
    }

    @Override
    public void erase(long eventId, RegistrationId id) {
        jdbc.sql("DELETE FROM nfc_badge WHERE registration_id = ? AND event_id = ?").params(id.value(), eventId).update();
    }

    @Override
    public int eraseEvent(long eventId) {
        return jdbc.sql("DELETE FROM nfc_badge WHERE event_id = ?").param(eventId).update();
    }
}
