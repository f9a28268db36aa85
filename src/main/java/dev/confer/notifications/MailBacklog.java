package dev.confer.notifications;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * How far the outbox is behind, for the ops room: mails not yet sent (retries waiting included), those due now, and
 * how long the oldest due one has been waiting (zero when none is due), and the oldest unsent one, retries
 * waiting included. One query on the outbox's partial index.
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
}
