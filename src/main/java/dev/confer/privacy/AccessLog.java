package dev.confer.privacy;

import dev.confer.shared.PersonalDataViewed;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Every staff view of personal data: who (role and staff token, never a person's name), what, when and how many
 * people. Written in the viewer's thread (a synchronous listener) so a view is never shown without its row; kept
 * as long as the event's personal data (retention clears it with everything else).
 */
@Service
public class AccessLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    AccessLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Entry(Instant at, String actor, String action, int people, @Nullable String detail) {
    }

    @EventListener
    void on(PersonalDataViewed viewed) {
        jdbc.sql("INSERT INTO access_log (event_id, at, actor, action, people, detail) VALUES (?, ?, ?, ?, ?, ?)")
                .params(viewed.eventId(), OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC), viewed.actor(),
                        viewed.action(), viewed.people(), viewed.detail())
                .update();
    }

    /** The newest first. */
    public List<Entry> of(long eventId, int limit) {
        return jdbc.sql("SELECT at, actor, action, people, detail FROM access_log WHERE event_id = ? ORDER BY at DESC, id DESC LIMIT ?")
                .params(eventId, limit)
                .query((rs, n) -> new Entry(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getString(2), rs.getString(3),
                        rs.getInt(4), rs.getString(5)))
                .list();
    }

    /** Retention: the log goes with the personal data it was about. */
    int clear(long eventId) {
        return jdbc.sql("DELETE FROM access_log WHERE event_id = ?").param(eventId).update();
    }
}
