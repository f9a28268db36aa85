package dev.confer.notifications;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How far the outbox is behind, for the ops room: mails not yet sent (retries waiting included), those due now, and
 * how long the oldest due one has been waiting (zero when none is due), and the oldest unsent one, retries
 * waiting included. One query on the outbox's partial index. And, for the ops room's backlog in event time, when each of
 * an event's mails was queued and settled.
 */
@Component
public class MailBacklog {

    /** The outbox as it stands. */
    public record Depth(long pending, long due, Duration oldestDueAge, Duration oldestPendingAge) {

        public Depth(long pending, long due, Duration oldestDueAge) {
            this(pending, due, oldestDueAge, oldestDueAge);
        }
    }

    private final JdbcClient jdbc;

    MailBacklog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Depth now() {
        return jdbc.sql("""
                        SELECT count(*), count(*) FILTER (WHERE next_attempt_at <= now()),
                               coalesce(extract(epoch FROM now() - min(created_at) FILTER (WHERE next_attempt_at <= now())), 0),
                               coalesce(extract(epoch FROM now() - min(created_at)), 0)
                        FROM mail_outbox WHERE sent_at IS NULL""")
                .query((rs, n) -> new Depth(rs.getLong(1), rs.getLong(2), Duration.ofMillis(Math.round(rs.getDouble(3) * 1000)),
                        Duration.ofMillis(Math.round(rs.getDouble(4) * 1000))))
                .single();
    }

    /** One mail of an event: when it was queued (due at once) and when it was settled (sent, given up, dropped), if yet. */
    public record Mail(Instant queued, @Nullable Instant settled) {
    }

    /**
     * The event's mails queued from {@code since} that were unsent at some moment of {@code [from, to]}: queued by
     * {@code to} and not settled before {@code from}, oldest first.
     */
    public List<Mail> unsentBetween(long eventId, Instant since, Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT created_at, sent_at FROM mail_outbox
                        WHERE event_id = ? AND created_at >= ? AND created_at <= ? AND (sent_at IS NULL OR sent_at > ?)
                        ORDER BY created_at""")
                .params(eventId, java.sql.Timestamp.from(since), java.sql.Timestamp.from(to), java.sql.Timestamp.from(from))
                .query((rs, n) -> new Mail(rs.getTimestamp(1).toInstant(),
                        rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant()))
                .list();
    }
}
