package dev.confer.access;

import dev.confer.shared.RegistrationId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Booth leads: one row per attendee and booth with the first and last visit and how many visits. */
@Repository
class BoothVisits {

    private final JdbcClient jdbc;

    BoothVisits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Visit(RegistrationId registrationId, Instant firstVisitAt, Instant lastVisitAt, int visits) {
    }

    record Totals(int visitors, int visits) {
    }

    @Nullable Integer visitsOf(long eventId, String booth, RegistrationId registrationId) {
        return jdbc.sql("SELECT visits FROM booth_lead WHERE event_id = ? AND booth_code = ? AND registration_id = ?")
                .params(eventId, booth, registrationId.value())
                .query(Integer.class).optional().orElse(null);
    }

    /** A booth's visitors, first come first. */
    List<Visit> at(long eventId, String booth) {
        return jdbc.sql("""
                        SELECT registration_id, first_visit_at, last_visit_at, visits FROM booth_lead
                        WHERE event_id = ? AND booth_code = ? ORDER BY first_visit_at, registration_id""")
                .params(eventId, booth)
                .query((rs, n) -> new Visit(new RegistrationId(rs.getObject(1, UUID.class)), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getInt(4)))
                .list();
    }

    Map<String, Totals> totals(long eventId) {
        Map<String, Totals> totals = new HashMap<>();
        jdbc.sql("SELECT booth_code, count(*), coalesce(sum(visits), 0) FROM booth_lead WHERE event_id = ? GROUP BY booth_code")
                .param(eventId)
                .query(rs -> {
                    totals.put(rs.getString(1), new Totals(rs.getInt(2), rs.getInt(3)));
                });
        return totals;
    }
}
