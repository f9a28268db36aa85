package dev.confer.registration;

import dev.confer.shared.PersonalData;
import dev.confer.shared.RegistrationId;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The registration itself, its consents and its team. Erasing keeps the row and its status (so counts by status
 * stay exact) and replaces the name with a placeholder, the address with one under {@code .invalid} (RFC 2606: no
 * mail can go there, and it stays unique), and drops company, job title and the sharing choice. A team whose lead
 * is erased loses its name, which the lead typed and may name people.
 */
@Component
@Order(100) // last: the other parts may still read the registration while they erase
class RegistrationData implements PersonalData {

    static final String ERASED_NAME = "—";

    private final JdbcClient jdbc;
    private final ConsentLedger consents;

    RegistrationData(JdbcClient jdbc, ConsentLedger consents) {
        this.jdbc = jdbc;
        this.consents = consents;
    }

    @Override
    public String part() {
        return "registration";
    }

    @Override
    public Object export(long eventId, RegistrationId id) {
        Map<String, Object> out = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT r.name, r.email, r.company, r.job_title, r.locale, r.status, r.created_at, r.confirmed_at,
                               r.cancelled_at, r.sponsor_sharing, r.erased_at, t.name, t.lead_id = r.id
                        FROM registration r LEFT JOIN team t ON t.id = r.team_id WHERE r.id = ? AND r.event_id = ?""")
                .params(id.value(), eventId)
                .query(rs -> {
                    out.put("id", id.value().toString());
                    out.put("name", rs.getString(1));
                    out.put("email", rs.getString(2));
                    out.put("company", rs.getString(3));
                    out.put("jobTitle", rs.getString(4));
                    out.put("language", rs.getString(5));
                    out.put("status", rs.getString(6));
                    out.put("registeredAt", instant(rs.getTimestamp(7)));
                    out.put("confirmedAt", instant(rs.getTimestamp(8)));
                    out.put("cancelledAt", instant(rs.getTimestamp(9)));
                    out.put("sponsorSharing", rs.getBoolean(10));
                    out.put("erasedAt", instant(rs.getTimestamp(11)));
                    if (rs.getString(12) != null) {
                        out.put("team", Map.of("name", rs.getString(12), "lead", rs.getBoolean(13)));
                    }
                });
        out.put("consents", consents.history(id));
        return out;
    }

    @Override
    public void erase(long eventId, RegistrationId id) {
        jdbc.sql("UPDATE team SET name = 'team-' || left(id::text, 8) WHERE lead_id = ? AND event_id = ?")
                .params(id.value(), eventId).update();
        jdbc.sql(ANONYMISE + " WHERE id = ? AND event_id = ? AND erased_at IS NULL").params(id.value(), eventId).update();
    }

    @Override
    public int eraseEvent(long eventId) {
        jdbc.sql("UPDATE team SET name = 'team-' || left(id::text, 8) WHERE event_id = ?").param(eventId).update();
        return jdbc.sql(ANONYMISE + " WHERE event_id = ? AND erased_at IS NULL").param(eventId).update();
    }

    private static final String ANONYMISE = "UPDATE registration SET name = '" + ERASED_NAME + "', "
            + "email = 'erased-' || id || '@erased.invalid', company = NULL, job_title = NULL, sponsor_sharing = false, "
            + "erased_at = now()";

    private static String instant(java.sql.Timestamp t) {
        return t == null ? null : t.toInstant().toString();
    }
}
