package dev.confer.access;

import dev.confer.shared.PersonalData;
import dev.confer.shared.RegistrationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a person's badge was tapped: session doors, booths and zones, and the giveaways they received. These rows
 * hold no personal data of their own
 * (a registration id, a place, a time) and are what the doors' and booths' figures count, so erasing keeps them;
 * the sponsor loses the person because the registration no longer shares anything (see {@link BoothLeads}).
 */
@Component
class VisitData implements PersonalData {

    private final JdbcClient jdbc;
    private final LabReservations labs;

    VisitData(JdbcClient jdbc, LabReservations labs) {
        this.jdbc = jdbc;
        this.labs = labs;
    }

    @Override
    public String part() {
        return "visits";
    }

    @Override
    public Object export(long eventId, RegistrationId id) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("taps", jdbc.sql("SELECT point, at, result FROM tap WHERE registration_id = ? AND event_id = ? ORDER BY at")
                .params(id.value(), eventId)
                .query((rs, n) -> Map.of("point", rs.getString(1), "at", rs.getObject(2, OffsetDateTime.class).toInstant().toString(),
                        "result", rs.getString(3)))
                .list());
        out.put("booths", jdbc.sql("SELECT booth_code, visits FROM booth_lead WHERE registration_id = ? AND event_id = ? ORDER BY booth_code")
                .params(id.value(), eventId)
                .query((rs, n) -> Map.of("booth", rs.getString(1), "visits", rs.getInt(2)))
                .list());
        out.put("giveaways", jdbc.sql("""
                        SELECT booth_code, gift_code, at FROM giveaway_handout WHERE registration_id = ? AND event_id = ?
                        ORDER BY at""")
                .params(id.value(), eventId)
                .query((rs, n) -> Map.of("booth", rs.getString(1), "gift", rs.getString(2),
                        "at", rs.getObject(3, OffsetDateTime.class).toInstant().toString()))
                .list());
        out.put("labs", jdbc.sql("""
                        SELECT session_code, status, created_at FROM lab_reservation WHERE registration_id = ? AND event_id = ?
                        ORDER BY session_code""")
                .params(id.value(), eventId)
                .query((rs, n) -> Map.of("session", rs.getString(1), "status", rs.getString(2),
                        "at", rs.getObject(3, OffsetDateTime.class).toInstant().toString()))
                .list());
        return out;
    }

    @Override
    public void erase(long eventId, RegistrationId id) {
        // nothing personal to remove (see the class comment), but an erased attendee will not come: their lab seats
        // go to those waiting, in the erasing transaction
        labs.releaseAll(eventId, jdbc.sql("SELECT slug FROM event WHERE id = ?").param(eventId)
                .query(String.class).single(), id);
    }

    @Override
    public int eraseEvent(long eventId) {
        return 0;
    }
}
