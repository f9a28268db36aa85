package dev.confer.notifications;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The {@code reminder_run} table, and the outbox counts the organizer's reminder view shows beside it. */
@Repository
class ReminderRuns {

    /** How a reminder's run went; {@code outcome} is {@code done} or {@code dropped}. */
    record Run(MailKind kind, LocalDate day, Instant ranAt, int queued, int dropped, String outcome) {
    }

    /** Outbox rows of one kind and day: sent (or kept at /dev/mail) and dropped as too late when composed. */
    record MailCounts(int sent, int dropped) {
    }

    private final JdbcClient jdbc;

    ReminderRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records that this reminder runs now; false when it already ran. A second run at the same time waits
     * here for the first one's transaction and then sees its row, so a reminder runs once per event and day.
     */
    boolean start(long eventId, MailKind kind, LocalDate day, Instant now) {
        return jdbc.sql("""
                        INSERT INTO reminder_run (event_id, kind, day, ran_at, outcome) VALUES (?, ?, ?, ?, 'running')
                        ON CONFLICT (event_id, kind, day) DO NOTHING""")
                .params(eventId, kind.name(), day, Timestamp.from(now)).update() == 1;
    }

    void finish(long eventId, MailKind kind, LocalDate day, int queued, int dropped, String outcome) {
        jdbc.sql("UPDATE reminder_run SET queued = ?, dropped = ?, outcome = ? WHERE event_id = ? AND kind = ? AND day = ?")
                .params(queued, dropped, outcome, eventId, kind.name(), day).update();
    }

    List<Run> of(long eventId) {
        return jdbc.sql("SELECT kind, day, ran_at, queued, dropped, outcome FROM reminder_run WHERE event_id = ? ORDER BY day, kind")
                .param(eventId)
                .query((rs, n) -> new Run(MailKind.valueOf(rs.getString(1)), rs.getObject(2, LocalDate.class),
                        rs.getTimestamp(3).toInstant(), rs.getInt(4), rs.getInt(5), rs.getString(6)))
                .list();
    }

    /** Per "KIND|ref": reminder mails of the event that were sent, and those dropped when composed. */
    Map<String, MailCounts> mailCounts(long eventId) {
        Map<String, MailCounts> counts = new HashMap<>();
        jdbc.sql("""
                        SELECT kind, ref, count(*) FILTER (WHERE sent_at IS NOT NULL AND delivered_via NOT IN ('skipped', 'dropped', 'failed')),
                               count(*) FILTER (WHERE delivered_via = 'dropped')
                        FROM mail_outbox WHERE event_id = ? AND ref <> '' AND kind IN ('DAY_BEFORE', 'MORNING_OF', 'STILL_WAITLISTED')
                        GROUP BY kind, ref""")
                .param(eventId)
                .query(rs -> {
                    counts.put(rs.getString(1) + "|" + rs.getString(2), new MailCounts(rs.getInt(3), rs.getInt(4)));
                });
        return counts;
    }
}
