package dev.confer.events;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

/** The event table: one row per event with its validated definition as JSON. */
@Repository
class EventStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    EventStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    record Row(EventSchedule schedule, Timestamp updatedAt) {
    }

    Optional<Row> find(String slug) {
        return jdbc.sql("SELECT definition, updated_at FROM event WHERE slug = ?")
                .param(slug)
                .query((rs, n) -> new Row(json.readValue(rs.getString(1), EventSchedule.class), rs.getTimestamp(2)))
                .optional();
    }

    Optional<Timestamp> updatedAt(String slug) {
        return jdbc.sql("SELECT updated_at FROM event WHERE slug = ?").param(slug).query(Timestamp.class).optional();
    }

    /** Locks the event row for the rest of the transaction, creating a placeholder if it is new. */
    LockedEvent lockOrCreate(String slug, EventSchedule proposedWithoutId) {
        Long created = jdbc.sql("""
                        INSERT INTO event (slug, name, timezone, capacity, waitlist, definition)
                        VALUES (?, ?::jsonb, ?, ?, ?, '{}'::jsonb)
                        ON CONFLICT (slug) DO NOTHING RETURNING id""")
                .params(slug, json.writeValueAsString(proposedWithoutId.name()), proposedWithoutId.zone().getId(),
                        proposedWithoutId.capacity(), proposedWithoutId.waitlist())
                .query(Long.class).optional().orElse(null);
        if (created != null) {
            return new LockedEvent(created, null);
        }
        return jdbc.sql("SELECT id, definition FROM event WHERE slug = ? FOR NO KEY UPDATE")
                .param(slug)
                .query((rs, n) -> new LockedEvent(rs.getLong(1), json.readValue(rs.getString(2), EventSchedule.class)))
                .single();
    }

    record LockedEvent(long id, @Nullable EventSchedule current) {
    }

    void save(EventSchedule schedule) {
        jdbc.sql("""
                        UPDATE event SET name = ?::jsonb, timezone = ?, capacity = ?, waitlist = ?, definition = ?::jsonb,
                               updated_at = clock_timestamp()
                        WHERE id = ?""")
                .params(json.writeValueAsString(schedule.name()), schedule.zone().getId(), schedule.capacity(),
                        schedule.waitlist(), json.writeValueAsString(schedule), schedule.id())
                .update();
    }

    List<String> slugs() {
        return jdbc.sql("SELECT slug FROM event ORDER BY created_at").query(String.class).list();
    }
}
