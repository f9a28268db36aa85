package dev.confer.access;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The tap table: every tap a device sent, kept once per device tap id, with what it got. */
@Repository
class TapLog {

    private final JdbcClient jdbc;

    TapLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What the first sending of a tap got, if it was recorded. */
    Optional<TapResult> resultOf(UUID tapId) {
        return jdbc.sql("SELECT result FROM tap WHERE tap_id = ?").param(tapId)
                .query((rs, n) -> TapResult.valueOf(rs.getString(1))).optional();
    }

    /** Per session code: distinct attendees who found the door full and never got in. */
    Map<String, Integer> turnedAwayBySession(long eventId) {
        Map<String, Integer> counts = new HashMap<>();
        jdbc.sql("""
                        SELECT substr(t.point, 9), count(DISTINCT t.registration_id) FROM tap t
                        WHERE t.event_id = ? AND t.result = 'FULL' AND t.point LIKE 'session:%'
                          AND NOT EXISTS (SELECT 1 FROM session_attendance a WHERE a.event_id = t.event_id
                                          AND a.session_code = substr(t.point, 9) AND a.registration_id = t.registration_id)
                        GROUP BY t.point""")
                .param(eventId)
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                });
        return counts;
    }

    /**
     * Taps per point and minute of scan time in {@code [from, to)} (by the point index, then the time), with when the
     * server first heard of one of them ({@code received_at}), in the same pass.
     */
    java.util.List<DoorCounts.PointMinute> perMinute(long eventId, java.time.Instant from, java.time.Instant to) {
        return jdbc.sql("""
                        SELECT point, date_trunc('minute', at), count(*), count(*) FILTER (WHERE result = 'ADMITTED'), min(received_at)
                        FROM tap WHERE event_id = ? AND at >= ? AND at < ? GROUP BY 1, 2 ORDER BY 2""")
                .params(eventId, java.sql.Timestamp.from(from), java.sql.Timestamp.from(to))
                .query((rs, n) -> new DoorCounts.PointMinute(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getInt(3),
                        rs.getInt(4), rs.getTimestamp(5).toInstant()))
                .list();
    }

    /** An attendee's counted visits at a zone ({@code zone:VR}), or null if none. */
    @org.jspecify.annotations.Nullable Integer zoneVisitsOf(long eventId, String point, dev.confer.shared.RegistrationId attendee) {
        int visits = jdbc.sql("SELECT count(*) FROM tap WHERE event_id = ? AND point = ? AND registration_id = ? AND result = 'ADMITTED'")
                .params(eventId, point, attendee.value()).query(Integer.class).single();
        return visits == 0 ? null : visits;
    }

    /** Per zone code: distinct attendees admitted there, and all their counted visits. */
    Map<String, int[]> zoneTotals(long eventId) {
        Map<String, int[]> totals = new HashMap<>();
        jdbc.sql("""
                        SELECT substr(point, 6), count(DISTINCT registration_id), count(*) FROM tap
                        WHERE event_id = ? AND point LIKE 'zone:%' AND result = 'ADMITTED' GROUP BY point""")
                .param(eventId)
                .query(rs -> {
                    totals.put(rs.getString(1), new int[] {rs.getInt(2), rs.getInt(3)});
                });
        return totals;
    }
}
