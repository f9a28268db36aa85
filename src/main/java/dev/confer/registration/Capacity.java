package dev.confer.registration;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Confirmed places and waitlist places of an event, as explicit SQL. Confirmed places live in
 * {@value #SHARDS} shards so concurrent registrations rarely wait on the same row; the slow paths
 * (joining the waitlist, cancelling, resizing) first lock the event's {@code waitlist_state} row,
 * which orders them against each other.
 */
@Repository
class Capacity {

    static final int SHARDS = 16;
    private final JdbcClient jdbc;

    Capacity(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes a confirmed place without queueing behind other registrations: a random shard first, then
     * any free shard nobody holds. False when none was free right now (the event may be nearly full).
     */
    boolean tryTakePlace(long eventId) {
        int shard = ThreadLocalRandom.current().nextInt(SHARDS);
        if (jdbc.sql("UPDATE capacity_shard SET used = used + 1 WHERE event_id = ? AND shard = ? AND used < quota")
                .params(eventId, shard).update() == 1) {
            return true;
        }
        return jdbc.sql("""
                        UPDATE capacity_shard SET used = used + 1
                        WHERE (event_id, shard) = (SELECT event_id, shard FROM capacity_shard
                                                   WHERE event_id = ? AND used < quota
                                                   LIMIT 1 FOR UPDATE SKIP LOCKED)
                          AND used < quota""")
                .param(eventId).update() == 1;
    }

    /** Takes a confirmed place, waiting for busy shards; false only when the event is really full. */
    boolean takePlace(long eventId) {
        return jdbc.sql("""
                        UPDATE capacity_shard SET used = used + 1
                        WHERE (event_id, shard) = (SELECT event_id, shard FROM capacity_shard
                                                   WHERE event_id = ? AND used < quota
                                                   ORDER BY shard LIMIT 1 FOR UPDATE)
                          AND used < quota""")
                .param(eventId).update() == 1;
    }

    /**
     * Takes {@code places} confirmed places at once, or none when fewer are free: one statement that locks
     * the event's shards in shard order (the order every other path locks them in, one at a time) and
     * spreads the places over them, filling the lowest shards first. Run it as the last statement before
     * commit: it holds every shard of the event until then.
     */
    boolean takePlaces(long eventId, int places) {
        int taken = jdbc.sql("""
                        WITH s AS MATERIALIZED (SELECT shard, quota - used AS free FROM capacity_shard
                                                WHERE event_id = :event ORDER BY shard FOR UPDATE),
                             c AS (SELECT shard, free, sum(free) OVER (ORDER BY shard) - free AS before,
                                          sum(free) OVER () AS total FROM s),
                             t AS (SELECT shard, least(free, greatest(0, :places - before)) AS take FROM c
                                   WHERE total >= :places)
                        UPDATE capacity_shard cs SET used = cs.used + t.take FROM t
                        WHERE cs.event_id = :event AND cs.shard = t.shard AND t.take > 0
                        RETURNING t.take""")
                .param("event", eventId).param("places", places)
                .query(Integer.class).list().stream().mapToInt(Integer::intValue).sum();
        if (taken != 0 && taken != places) {
            throw new IllegalStateException("took " + taken + " of " + places + " places of event " + eventId);
        }
        return taken == places;
    }

    /** Free confirmed places as committed right now (no lock: a decision needs one of the statements above). */
    int free(long eventId) {
        return jdbc.sql("SELECT coalesce(sum(quota - used), 0) FROM capacity_shard WHERE event_id = ?").param(eventId)
                .query(Integer.class).single();
    }

    /** Gives a confirmed place back; shards are interchangeable, so any shard with a place in use will do. */
    void releasePlace(long eventId) {
        jdbc.sql("""
                        UPDATE capacity_shard SET used = used - 1
                        WHERE (event_id, shard) = (SELECT event_id, shard FROM capacity_shard
                                                   WHERE event_id = ? AND used > 0
                                                   ORDER BY used DESC LIMIT 1 FOR UPDATE)""")
                .param(eventId).update();
    }

    /** Locks the event's waitlist row; every slow path starts here. */
    void lockWaitlist(long eventId) {
        jdbc.sql("SELECT event_id FROM waitlist_state WHERE event_id = ? FOR UPDATE").param(eventId).query(Long.class).optional();
    }

    /** Joins the waitlist; the FIFO sequence number, or null when the waitlist is full. */
    @Nullable Long joinWaitlist(long eventId) {
        return jdbc.sql("""
                        UPDATE waitlist_state SET waiting = waiting + 1, next_seq = next_seq + 1
                        WHERE event_id = ? AND waiting < size_limit RETURNING next_seq - 1""")
                .param(eventId).query(Long.class).optional().orElse(null);
    }

    /**
     * Puts {@code people} on the waitlist at once, or nobody when fewer places are left on it: the first of
     * their consecutive FIFO sequence numbers, or null. The caller holds the waitlist row already.
     */
    @Nullable Long joinWaitlist(long eventId, int people) {
        return jdbc.sql("""
                        UPDATE waitlist_state SET waiting = waiting + :people, next_seq = next_seq + :people
                        WHERE event_id = :event AND waiting + :people <= size_limit RETURNING next_seq - :people""")
                .param("event", eventId).param("people", people).query(Long.class).optional().orElse(null);
    }

    /** Waitlist places left as committed right now. */
    int waitlistLeft(long eventId) {
        return jdbc.sql("SELECT coalesce(max(size_limit - waiting), 0) FROM waitlist_state WHERE event_id = ?").param(eventId)
                .query(Integer.class).single();
    }

    void leaveWaitlist(long eventId) {
        jdbc.sql("UPDATE waitlist_state SET waiting = waiting - 1 WHERE event_id = ?").param(eventId).update();
    }

    int confirmed(long eventId) {
        return jdbc.sql("SELECT coalesce(sum(used), 0) FROM capacity_shard WHERE event_id = ?").param(eventId).query(Integer.class).single();
    }

    int waiting(long eventId) {
        return jdbc.sql("SELECT coalesce(max(waiting), 0) FROM waitlist_state WHERE event_id = ?").param(eventId).query(Integer.class).single();
    }

    /**
     * Sets the event's capacity and waitlist size: keeps every shard's used places and spreads the
     * free places over the shards. Caller has checked capacity >= confirmed and waitlist >= waiting.
     */
    void resize(long eventId, int capacity, int waitlist) {
        jdbc.sql("""
                        INSERT INTO waitlist_state (event_id, size_limit) VALUES (?, ?)
                        ON CONFLICT (event_id) DO UPDATE SET size_limit = excluded.size_limit""")
                .params(eventId, waitlist).update();
        lockWaitlist(eventId);
        List<int[]> shards = jdbc.sql("SELECT shard, used FROM capacity_shard WHERE event_id = ? ORDER BY shard FOR UPDATE")
                .param(eventId).query((rs, n) -> new int[]{rs.getInt(1), rs.getInt(2)}).list();
        int[] used = new int[SHARDS];
        int totalUsed = 0;
        for (int[] s : shards) {
            used[s[0]] = s[1];
            totalUsed += s[1];
        }
        int free = Math.max(0, capacity - totalUsed);
        for (int shard = 0; shard < SHARDS; shard++) {
            int share = free / SHARDS + (shard < free % SHARDS ? 1 : 0);
            jdbc.sql("""
                            INSERT INTO capacity_shard (event_id, shard, quota, used) VALUES (?, ?, ?, 0)
                            ON CONFLICT (event_id, shard) DO UPDATE SET quota = excluded.quota""")
                    .params(eventId, shard, used[shard] + share).update();
        }
    }
}
