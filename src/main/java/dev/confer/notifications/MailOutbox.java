package dev.confer.notifications;

import dev.confer.shared.RegistrationId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code mail_outbox} table as explicit SQL. Lease and retry times use the database clock, not
 * the instance's: several instances claim from one table, so they must agree on what "expired" means.
 */
@Repository
class MailOutbox {

    /** A row a worker has claimed and must now compose and send. */
    record PendingMail(long id, long eventId, String eventSlug, @Nullable RegistrationId registrationId, MailKind kind, String ref, int attempts) {
    }

    /** A mail that has been composed and delivered (or kept), as {@code /dev/mail} shows it. */
    record StoredMail(long id, String eventSlug, @Nullable RegistrationId registrationId, MailKind kind, @Nullable String recipient,
                      @Nullable String subject, @Nullable String text, @Nullable String html,
                      @Nullable Instant sentAt, @Nullable String deliveredVia) {
    }

    private static final RowMapper<PendingMail> PENDING = (rs, n) -> new PendingMail(rs.getLong("id"),
            rs.getLong("event_id"), rs.getString("event_slug"), registration(rs),
            MailKind.valueOf(rs.getString("kind")), rs.getString("ref"), rs.getInt("attempts"));

    private static final String STORED_COLUMNS =
            "id, event_slug, registration_id, kind, recipient, subject, body_text, body_html, sent_at, delivered_via";
    private static final RowMapper<StoredMail> STORED = (rs, n) -> new StoredMail(rs.getLong("id"),
            rs.getString("event_slug"), registration(rs), MailKind.valueOf(rs.getString("kind")),
            rs.getString("recipient"), rs.getString("subject"), rs.getString("body_text"), rs.getString("body_html"),
            rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant(), rs.getString("delivered_via"));

    private static final int ENQUEUE_BATCH = 5000;

    private static @Nullable RegistrationId registration(java.sql.ResultSet rs) throws java.sql.SQLException {
        UUID id = rs.getObject("registration_id", UUID.class);
        return id == null ? null : new RegistrationId(id);
    }

    private final JdbcClient jdbc;

    MailOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One row in the caller's transaction; nothing is rendered here because this runs on the
     * registration hot path. A second mail of the same kind for the same registration is ignored.
     */
    void enqueue(MailKind kind, RegistrationId registrationId, long eventId, String eventSlug) {
        enqueue(kind, registrationId, eventId, eventSlug, "");
    }

    /** As above, for a mail that may come once per {@code ref} (a day, a session); true when it is new. */
    boolean enqueue(MailKind kind, RegistrationId registrationId, long eventId, String eventSlug, String ref) {
        return jdbc.sql("""
                        INSERT INTO mail_outbox (event_id, event_slug, registration_id, kind, ref) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (registration_id, kind, ref) DO NOTHING""")
                .params(eventId, eventSlug, registrationId.value(), kind.name(), ref).update() == 1;
    }

    /**
     * A mail to a staff address (no registration), written now: once per event, kind, ref and recipient, whoever
     * queues it again. True when it is new.
     */
    boolean enqueueComposed(MailKind kind, long eventId, String eventSlug, String ref, String recipient, String subject,
                            String text, String html) {
        return jdbc.sql("""
                        INSERT INTO mail_outbox (event_id, event_slug, registration_id, kind, ref, recipient, subject, body_text, body_html)
                        VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (event_id, kind, ref, recipient) WHERE registration_id IS NULL DO NOTHING""")
                .params(eventId, eventSlug, kind.name(), ref, recipient, subject, text, html).update() == 1;
    }

    /**
     * One mail of {@code kind} and {@code ref} for each registration, in one statement; those that
     * already have it are left alone. The number of new rows.
     */
    int enqueueAll(MailKind kind, List<RegistrationId> registrationIds, long eventId, String eventSlug, String ref) {
        int added = 0;
        // a few thousand per statement: 29,000 attendees are six statements, none of them huge
        for (int from = 0; from < registrationIds.size(); from += ENQUEUE_BATCH) {
            List<RegistrationId> batch = registrationIds.subList(from, Math.min(from + ENQUEUE_BATCH, registrationIds.size()));
            added += jdbc.sql("""
                            INSERT INTO mail_outbox (event_id, event_slug, registration_id, kind, ref)
                            SELECT ?, ?, r.id, ?, ? FROM unnest(?::uuid[]) AS r(id)
                            ON CONFLICT (registration_id, kind, ref) DO NOTHING""")
                    .params(eventId, eventSlug, kind.name(), ref, batch.stream().map(RegistrationId::value).toArray(UUID[]::new)).update();
        }
        return added;
    }

    /**
     * Claims up to {@code limit} due rows for {@code lease} (the worker takes one at a time). SKIP LOCKED
     * keeps concurrent claimers apart while they claim; the committed lease, renewed while the claimer
     * works, keeps them apart while it sends.
     */
    List<PendingMail> claim(int limit, Duration lease) {
        return jdbc.sql("""
                        WITH due AS (SELECT id FROM mail_outbox
                                     WHERE sent_at IS NULL AND next_attempt_at <= now()
                                       AND (claimed_until IS NULL OR claimed_until < now())
                                     ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED)
                        UPDATE mail_outbox m SET claimed_until = now() + make_interval(secs => ?)
                        FROM due WHERE m.id = due.id
                        RETURNING m.id, m.event_id, m.event_slug, m.registration_id, m.kind, m.ref, m.attempts""")
                .params(limit, lease.toMillis() / 1000.0).query(PENDING).list();
    }

    /** Extends the claims on mails still in hand (being composed or sent) by {@code lease} from now. */
    int renew(List<Long> ids, Duration lease) {
        return jdbc.sql("""
                        UPDATE mail_outbox SET claimed_until = now() + make_interval(secs => ?)
                        WHERE id = ANY(?) AND sent_at IS NULL AND claimed_until IS NOT NULL""")
                .params(lease.toMillis() / 1000.0, ids.toArray(Long[]::new)).update();
    }

    void markSent(long id, String deliveredVia, String recipient, String subject, String text, String html) {
        jdbc.sql("""
                        UPDATE mail_outbox SET sent_at = now(), last_attempt_at = now(), claimed_until = NULL,
                               delivered_via = ?, recipient = ?, subject = ?, body_text = ?, body_html = ?, last_error = NULL
                        WHERE id = ? AND sent_at IS NULL""")
                .params(deliveredVia, recipient, subject, text, html, id).update();
    }

    /** Counts the failure and sets the next try {@code retryIn} from now. */
    void markFailed(long id, String error, Duration retryIn) {
        jdbc.sql("""
                        UPDATE mail_outbox SET attempts = attempts + 1, last_attempt_at = now(), claimed_until = NULL,
                               next_attempt_at = now() + make_interval(secs => ?), last_error = ?
                        WHERE id = ? AND sent_at IS NULL""")
                .params(retryIn.toMillis() / 1000.0, abbreviate(error), id).update();
    }

    /** Settles a row that failed too often: it stays visible at /dev/mail as 'failed', with its last error. */
    void markGivenUp(long id, String error) {
        jdbc.sql("""
                        UPDATE mail_outbox SET attempts = attempts + 1, sent_at = now(), last_attempt_at = now(),
                               claimed_until = NULL, delivered_via = 'failed', last_error = ?
                        WHERE id = ? AND sent_at IS NULL""")
                .params(abbreviate(error), id).update();
    }

    /** Settles a row that must not be sent any more (the registration was cancelled first). */
    void markSkipped(long id, String reason) {
        jdbc.sql("""
                        UPDATE mail_outbox SET sent_at = now(), last_attempt_at = now(), claimed_until = NULL,
                               delivered_via = 'skipped', last_error = ?
                        WHERE id = ? AND sent_at IS NULL""")
                .params(reason, id).update();
    }

    /**
     * Settles a reminder that came too late to be of use (e.g. a morning reminder after the day ended,
     * delayed by an SMTP outage): not sent, and counted as dropped in the organizer's reminder view.
     */
    void markDropped(long id, String reason) {
        jdbc.sql("""
                        UPDATE mail_outbox SET sent_at = now(), last_attempt_at = now(), claimed_until = NULL,
                               delivered_via = 'dropped', last_error = ?
                        WHERE id = ? AND sent_at IS NULL""")
                .params(reason, id).update();
    }

    /** Delivered or kept mails, newest first; only one event's when {@code eventId} is given. */
    List<StoredMail> recent(@Nullable Long eventId, int limit) {
        return jdbc.sql("SELECT " + STORED_COLUMNS + " FROM mail_outbox "
                        + "WHERE sent_at IS NOT NULL AND delivered_via NOT IN ('skipped', 'dropped') AND (?::bigint IS NULL OR event_id = ?) "
                        + "ORDER BY sent_at DESC, id DESC LIMIT ?")
                .params(eventId, eventId, limit).query(STORED).list();
    }

    Optional<StoredMail> find(long id) {
        return jdbc.sql("SELECT " + STORED_COLUMNS + " FROM mail_outbox WHERE id = ?").param(id).query(STORED).optional();
    }

    private static String abbreviate(String error) {
        return error.length() <= 1000 ? error : error.substring(0, 1000);
    }
}
