package dev.confer.waitingroom;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The queue's rows. Joining takes the next arrival number from the event's gate row in one statement (the row is
 * held only for that statement's commit); admission moves the gate's frontier under {@code FOR UPDATE SKIP
 * LOCKED}, so of several instances polling at once one ticks and the others simply read.
 */
@Repository
class QueueStore {

    record Gate(long joined, long admittedThrough, long admitted, long dropped, double credit, Instant tickedAt,
                @Nullable Instant busyUntil) {
    }

    record Visitor(UUID id, long ticket, Instant joinedAt, Instant seenAt, @Nullable Instant admittedAt,
                   @Nullable Instant passUsedAt) {
    }

    private final JdbcClient jdbc;

    QueueStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The visitor's arrival number, or empty when the event has no gate row yet. */
    Optional<Long> join(long eventId, UUID id, Instant now) {
        return jdbc.sql("""
                        WITH t AS (UPDATE queue_gate SET joined = joined + 1 WHERE event_id = :event RETURNING joined)
                        INSERT INTO queue_visitor (id, event_id, ticket, joined_at, seen_at)
                        SELECT :id, :event, t.joined, :now, :now FROM t RETURNING ticket""")
                .param("event", eventId).param("id", id).param("now", Timestamp.from(now))
                .query(Long.class).optional();
    }

    void createGate(long eventId, Instant tickedAt, double credit) {
        jdbc.sql("INSERT INTO queue_gate (event_id, ticked_at, credit) VALUES (?, ?, ?) ON CONFLICT (event_id) DO NOTHING")
                .params(eventId, Timestamp.from(tickedAt), credit).update();
    }

    Optional<Gate> gate(long eventId) {
        return jdbc.sql("SELECT joined, admitted_through, admitted, dropped, credit, ticked_at, busy_until FROM queue_gate WHERE event_id = ?")
                .param(eventId).query(QueueStore::gate).optional();
    }

    /** The gate, locked, when its last tick is at least a second old and no other instance is ticking it now. */
    Optional<Gate> lockGateIfDue(long eventId, Instant dueBefore) {
        return jdbc.sql("""
                        SELECT joined, admitted_through, admitted, dropped, credit, ticked_at, busy_until FROM queue_gate
                        WHERE event_id = ? AND ticked_at <= ? FOR UPDATE SKIP LOCKED""")
                .params(eventId, Timestamp.from(dueBefore)).query(QueueStore::gate).optional();
    }

    /** The arrival number of the {@code k}-th visitor after {@code after} who is still polling, if there are k. */
    Optional<Long> kthLiveAfter(long eventId, long after, Instant seenSince, int k) {
        return jdbc.sql("""
                        SELECT ticket FROM queue_visitor WHERE event_id = ? AND ticket > ? AND seen_at >= ?
                        ORDER BY ticket OFFSET ? LIMIT 1""")
                .params(eventId, after, Timestamp.from(seenSince), k - 1).query(Long.class).optional();
    }

    /** Admits the visitors still polling in (from, to]; those not heard from lately are passed over. */
    int admit(long eventId, long from, long to, Instant seenSince, Instant now) {
        return jdbc.sql("""
                        UPDATE queue_visitor SET admitted_at = ?
                        WHERE event_id = ? AND ticket > ? AND ticket <= ? AND seen_at >= ? AND admitted_at IS NULL""")
                .params(Timestamp.from(now), eventId, from, to, Timestamp.from(seenSince)).update();
    }

    void tick(long eventId, long admittedThrough, int admitted, long dropped, double credit, Instant now,
              @Nullable Instant busyUntil) {
        jdbc.sql("""
                        UPDATE queue_gate SET admitted_through = ?, admitted = admitted + ?, dropped = dropped + ?, credit = ?,
                            ticked_at = ?, busy_until = GREATEST(busy_until, ?) WHERE event_id = ?""")
                .params(admittedThrough, admitted, dropped, credit, Timestamp.from(now),
                        busyUntil == null ? null : Timestamp.from(busyUntil), eventId)
                .update();
    }

    /** Keeps the room on: arrivals beat the rate while it was off. */
    void busyUntil(long eventId, Instant until, Instant now) {
        createGate(eventId, now, 0);
        jdbc.sql("UPDATE queue_gate SET busy_until = GREATEST(busy_until, ?) WHERE event_id = ?")
                .params(Timestamp.from(until), eventId).update();
    }

    Optional<Visitor> find(long eventId, UUID id) {
        return jdbc.sql("SELECT id, ticket, joined_at, seen_at, admitted_at, pass_used_at FROM queue_visitor WHERE id = ? AND event_id = ?")
                .params(id, eventId)
                .query((rs, n) -> new Visitor(rs.getObject(1, UUID.class), rs.getLong(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4).toInstant(), instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6))))
                .optional();
    }

    /** Notes that the visitor still waits; written at most every few seconds per visitor, not on every poll. */
    void seen(UUID id, Instant now, Instant unlessSince) {
        jdbc.sql("UPDATE queue_visitor SET seen_at = ? WHERE id = ? AND seen_at < ? AND admitted_at IS NULL")
                .params(Timestamp.from(now), id, Timestamp.from(unlessSince)).update();
    }

    /** A visitor passed over while away who came back: their place was ahead of the frontier, so in they go. */
    void admitReturned(UUID id, Instant now) {
        jdbc.sql("UPDATE queue_visitor SET admitted_at = ? WHERE id = ? AND admitted_at IS NULL")
                .params(Timestamp.from(now), id).update();
    }

    /** Claims the visitor's pass for one registration; false when it was used already. */
    boolean claimPass(long eventId, UUID id, Instant now) {
        return jdbc.sql("UPDATE queue_visitor SET pass_used_at = ? WHERE id = ? AND event_id = ? AND pass_used_at IS NULL")
                .params(Timestamp.from(now), id, eventId).update() == 1;
    }

    /** Gives the pass back after the registration it was claimed for was refused. */
    void releasePass(long eventId, UUID id) {
        jdbc.sql("UPDATE queue_visitor SET pass_used_at = NULL WHERE id = ? AND event_id = ?").params(id, eventId).update();
    }

    /** Visitors waiting and still polling, and admissions in the last minute (the organizer's view). */
    long waiting(long eventId, long after, Instant seenSince) {
        return jdbc.sql("SELECT count(*) FROM queue_visitor WHERE event_id = ? AND ticket > ? AND seen_at >= ?")
                .params(eventId, after, Timestamp.from(seenSince)).query(Long.class).single();
    }

    long admittedSince(long eventId, Instant since) {
        return jdbc.sql("SELECT count(*) FROM queue_visitor WHERE event_id = ? AND admitted_at >= ?")
                .params(eventId, Timestamp.from(since)).query(Long.class).single();
    }

    long passesUsed(long eventId) {
        return jdbc.sql("SELECT count(*) FROM queue_visitor WHERE event_id = ? AND pass_used_at IS NOT NULL")
                .param(eventId).query(Long.class).single();
    }

    private static Gate gate(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Gate(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getDouble(5),
                rs.getTimestamp(6).toInstant(), instant(rs.getTimestamp(7)));
    }

    private static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
