package dev.confer.ops;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.util.List;

/**
 * {@code ops_webhook_outbox}: one row per alert and webhook URL (unique, so a second sweep or instance adds nothing).
 * Claimed as the mail outbox is: due rows taken with {@code FOR UPDATE SKIP LOCKED} under a lease on the database's
 * clock, so any number of instances share the work and a dead instance's rows are taken again when the lease ends.
 */
@Repository
class WebhookOutbox {

    record Pending(long id, String alertId, String url, String payload, int attempts) {
    }

    private final JdbcClient jdbc;

    WebhookOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean enqueue(long eventId, String alertId, String url, String payload) {
        return jdbc.sql("""
                        INSERT INTO ops_webhook_outbox (event_id, alert_id, url, payload) VALUES (?, ?, ?, ?)
                        ON CONFLICT (event_id, alert_id, url) DO NOTHING""")
                .params(eventId, alertId, url, payload).update() == 1;
    }

    List<Pending> claim(int limit, Duration lease) {
        return jdbc.sql("""
                        WITH due AS (SELECT id FROM ops_webhook_outbox
                                     WHERE sent_at IS NULL AND next_attempt_at <= now()
                                       AND (claimed_until IS NULL OR claimed_until < now())
                                     ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED)
                        UPDATE ops_webhook_outbox w SET claimed_until = now() + make_interval(secs => ?)
                        FROM due WHERE w.id = due.id
                        RETURNING w.id, w.alert_id, w.url, w.payload, w.attempts""")
                .params(limit, lease.toMillis() / 1000.0)
                .query((rs, n) -> new Pending(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)))
                .list();
    }

    void markSent(long id, int status) {
        jdbc.sql("""
                        UPDATE ops_webhook_outbox SET sent_at = now(), attempts = attempts + 1, claimed_until = NULL,
                               outcome = 'delivered ' || ?, last_error = NULL
                        WHERE id = ? AND sent_at IS NULL""").params(status, id).update();
    }

    void markFailed(long id, String error, Duration retryIn) {
        jdbc.sql("""
                        UPDATE ops_webhook_outbox SET attempts = attempts + 1, claimed_until = NULL,
                               next_attempt_at = now() + make_interval(secs => ?), last_error = ?
                        WHERE id = ? AND sent_at IS NULL""").params(retryIn.toMillis() / 1000.0, abbreviate(error), id).update();
    }

    void markGivenUp(long id, String error) {
        jdbc.sql("""
                        UPDATE ops_webhook_outbox SET attempts = attempts + 1, sent_at = now(), claimed_until = NULL,
                               outcome = 'failed', last_error = ?
                        WHERE id = ? AND sent_at IS NULL""").params(abbreviate(error), id).update();
    }

    /** Messages not yet delivered nor given up, for the backlog gauge and tests. */
    long pending() {
        return jdbc.sql("SELECT count(*) FROM ops_webhook_outbox WHERE sent_at IS NULL").query(Long.class).single();
    }

    private static String abbreviate(String error) {
        return error.length() <= 1000 ? error : error.substring(0, 1000);
    }
}
