package dev.confer.access;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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

    record Visit(UUID registrationId, Instant firstVisitAt, Instant lastVisitAt, int visits) {
    }

    record Totals(int visitors, int visits) {
    }

    /** Counts a visit in one statement and returns the attendee's visits at this booth so far. */
    int visit(long eventId, String booth, UUID registrationId, Instant at) {
        OffsetDateTime time = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        // taps synced late from an offline scanner may be older than ones already counted
        return jdbc.sql("""
                        INSERT INTO booth_lead (event_id, booth_code, registration_id, first_visit_at, last_visit_at, visits)
                        VALUES (?, ?, ?, ?, ?, 1)
                        ON CONFLICT (event_id, booth_code, registration_id) DO UPDATE
                        SET visits = booth_lead.visits + 1,
                            first_visit_at = LEAST(booth_lead.first_visit_at, EXCLUDED.first_visit_at),
                            last_visit_at = GREATEST(booth_lead.last_visit_at, EXCLUDED.last_visit_at)
                        RETURNING visits""")
                .params(eventId, booth, registrationId, time, time)
                .query(Integer.class).single();
    }

    @Nullable Integer visitsOf(long eventId, String booth, UUID registrationId) {
        return jdbc.sql("SELECT visits FROM booth_lead WHERE event_id = ? AND booth_code = ? AND registration_id = ?")
                .params(eventId, booth, registrationId)
                .query(Integer.class).optional().orElse(null);
    }

    /** A booth's visitors, first come first. */
    List<Visit> at(long eventId, String booth) {
        return jdbc.sql("""
                        SELECT registration_id, first_visit_at, last_visit_at, visits FROM booth_lead
                        WHERE event_id = ? AND booth_code = ? ORDER BY first_visit_at, registration_id""")
                .params(eventId, booth)
                .query((rs, n) -> new Visit(rs.getObject(1, UUID.class), rs.getObject(2, OffsetDateTime.class).toInstant(),
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
