package dev.confer.notifications;

import dev.confer.shared.PersonalData;
import dev.confer.shared.RegistrationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The mails to a person. Erasing keeps each outbox row (what was sent and when stays countable: reminders'
 * figures) but blanks its address, subject, bodies and last error; a mail not yet sent is settled as
 * {@code erased} and never goes out.
 */
@Component
class MailData implements PersonalData {

    private static final String BLANK = """
            UPDATE mail_outbox SET recipient = NULL, subject = NULL, body_text = NULL, body_html = NULL, last_error = NULL,
                   delivered_via = CASE WHEN sent_at IS NULL THEN 'erased' ELSE delivered_via END,
                   sent_at = coalesce(sent_at, now()), claimed_until = NULL""";

    private final JdbcClient jdbc;

    MailData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String part() {
        return "mails";
    }

    @Override
    public Object export(long eventId, RegistrationId id) {
        return jdbc.sql("""
                        SELECT kind, ref, created_at, sent_at, delivered_via, recipient, subject FROM mail_outbox
                        WHERE registration_id = ? AND event_id = ? ORDER BY id""")
                .params(id.value(), eventId)
                .query((rs, n) -> {
                    Map<String, Object> mail = new LinkedHashMap<>();
                    mail.put("kind", rs.getString(1));
                    mail.put("ref", rs.getString(2));
                    mail.put("queuedAt", rs.getObject(3, OffsetDateTime.class).toInstant().toString());
                    OffsetDateTime sent = rs.getObject(4, OffsetDateTime.class);
                    mail.put("sentAt", sent == null ? null : sent.toInstant().toString());
                    mail.put("deliveredVia", rs.getString(5));
                    mail.put("to", rs.getString(6));
                    mail.put("subject", rs.getString(7));
                    return mail;
                }).list();
    }

    @Override
    public void erase(long eventId, RegistrationId id) {
        jdbc.sql(BLANK + " WHERE registration_id = ? AND event_id = ?").params(id.value(), eventId).update();
    }

    @Override
    public int eraseEvent(long eventId) {
        return jdbc.sql(BLANK + " WHERE event_id = ? AND (recipient IS NOT NULL OR body_text IS NOT NULL OR sent_at IS NULL)")
                .param(eventId).update();
    }
}
