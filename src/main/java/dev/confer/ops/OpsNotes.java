package dev.confer.ops;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/** What the organizers decided about alerts: acknowledged ones, muted subjects per day. Both idempotent. */
@Repository
class OpsNotes {

    private final JdbcClient jdbc;

    OpsNotes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void acknowledge(long eventId, String alertId) {
        jdbc.sql("INSERT INTO ops_alert_ack (event_id, alert_id) VALUES (?, ?) ON CONFLICT DO NOTHING").params(eventId, alertId).update();
    }

    void mute(long eventId, String signal, String subject, LocalDate day) {
        jdbc.sql("INSERT INTO ops_mute (event_id, signal, subject, day) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .params(eventId, signal, subject, day).update();
    }

    void unmute(long eventId, String signal, String subject, LocalDate day) {
        jdbc.sql("DELETE FROM ops_mute WHERE event_id = ? AND signal = ? AND subject = ? AND day = ?")
                .params(eventId, signal, subject, day).update();
    }

    Set<String> acknowledged(long eventId) {
        return new HashSet<>(jdbc.sql("SELECT alert_id FROM ops_alert_ack WHERE event_id = ?").param(eventId).query(String.class).list());
    }

    /** {@code signal:subject} of every subject muted that day. */
    Set<String> muted(long eventId, LocalDate day) {
        return new HashSet<>(jdbc.sql("SELECT signal || ':' || subject FROM ops_mute WHERE event_id = ? AND day = ?")
                .params(eventId, day).query(String.class).list());
    }
}
