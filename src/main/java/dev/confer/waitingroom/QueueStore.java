package dev.confer.waitingroom;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The queue's rows. Joining takes the next arrival number from the event's own sequence ({@code queue_ticket_<event
 * id>}, created with the gate row): no shared row is written, so joins do not wait for each other's commits.
 * Admission moves the gate's frontier under {@code FOR UPDATE SKIP LOCKED}, so of several instances polling at once
 * one ticks and the others simply read.
 */
@Repository
class QueueStore {

    record Gate(long admittedThrough, long admitted, long dropped, double credit, Instant tickedAt,
                @Nullable Instant busyUntil) {
    }

    record Visitor(UUID id, long ticket, Instant joinedAt, Instant seenAt, @Nullable Instant admittedAt,
                   @Nullable Instant passUsedAt, @Nullable Instant returnedAt) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    QueueStore(JdbcClient jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** The visitor's arrival number, from the event's sequence (the gate must exist: {@link #createGate}). */
    long join(long eventId, UUID id, Instant now) {
        return jdbc.sql("""
                        INSERT INTO queue_visitor (id, event_id, ticket, joined_at, seen_at)
                        VALUES (?, ?, nextval(?::regclass), ?, ?) RETURNING ticket""")
                .params(id, eventId, sequence(eventId), Timestamp.from(now), Timestamp.from(now))
                .query(Long.class).single();
    }

    /**
     * The event's gate row and its arrival sequence, once: the sequence is created only by the transaction that
     * inserted the row, so instances creating the gate at once never race on the sequence's name (the second insert
     * waits for the first's commit and then does nothing).
     */
    void createGate(long eventId, Instant tickedAt, double credit) {
        transaction.executeWithoutResult(status -> {
            int inserted = jdbc.sql("INSERT INTO queue_gate (event_id, ticked_at, credit) VALUES (?, ?, ?) ON CONFLICT (event_id) DO NOTHING")
                    .params(eventId, Timestamp.from(tickedAt), credit).update();
            if (inserted == 1) {
                jdbc.sql("CREATE SEQUENCE IF NOT EXISTS " + sequence(eventId)).update();
            }
        });
    }

    private static String sequence(long eventId) {
        return "queue_ticket_" + eventId; // a number: nothing of a visitor's goes into the name
    }

    Optional<Gate> gate(long eventId) {
        return jdbc.sql("SELECT admitted_through, admitted, dropped, credit, ticked_at, busy_until FROM queue_gate WHERE event_id = ?")
                .param(eventId).query(QueueStore::gate).optional();
    }

    /** The highest arrival number committed so far (0 for an empty queue): where the frontier may move at most. */
    long lastTicket(long eventId) {
        return jdbc.sql("SELECT coalesce(max(ticket), 0) FROM queue_visitor WHERE event_id = ?").param(eventId)
                .query(Long.class).single();
    }

    /** Everyone who ever took a place in the queue (the organizer's view). */
    long joined(long eventId) {
        return jdbc.sql("SELECT count(*) FROM queue_visitor WHERE event_id = ?").param(eventId).query(Long.class).single();
    }

    /** The gate, locked, when its last tick is at least a second old and no other instance is ticking it now. */
    Optional<Gate> lockGateIfDue(long eventId, Instant dueBefore) {
        return jdbc.sql("""
                        SELECT admitted_through, admitted, dropped, credit, ticked_at, busy_until FROM queue_gate
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
        return jdbc.sql("""
                        SELECT id, ticket, joined_at, seen_at, admitted_at, pass_used_at, returned_at FROM queue_visitor
                        WHERE id = ? AND event_id = ?""")
                .params(id, eventId)
                .query((rs, n) -> new Visitor(rs.getObject(1, UUID.class), rs.getLong(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4).toInstant(), instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)),
                        instant(rs.getTimestamp(7))))
                .optional();
    }

    /** A visitor and the event's admission frontier, in one read (what every question needs). */
    record Standing(Visitor visitor, long admittedThrough) {
    }

    Optional<Standing> standing(long eventId, UUID id) {
        return jdbc.sql("""
                        SELECT v.id, v.ticket, v.joined_at, v.seen_at, v.admitted_at, v.pass_used_at, v.returned_at, g.admitted_through
                        FROM queue_visitor v JOIN queue_gate g ON g.event_id = v.event_id WHERE v.id = ? AND v.event_id = ?""")
                .params(id, eventId)
                .query((rs, n) -> new Standing(new Visitor(rs.getObject(1, UUID.class), rs.getLong(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4).toInstant(), instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)),
                        instant(rs.getTimestamp(7))), rs.getLong(8)))
                .optional();
    }

    /** Notes that the visitor still waits; written at most every few seconds per visitor, not on every poll. */
    void seen(UUID id, Instant now, Instant unlessSince) {
        jdbc.sql("UPDATE queue_visitor SET seen_at = ? WHERE id = ? AND seen_at < ? AND admitted_at IS NULL")
                .params(Timestamp.from(now), id, Timestamp.from(unlessSince)).update();
    }

    /** A visitor passed over who came back within the grace window: first in line for the next admissions. */
    void returned(UUID id, Instant now) {
        jdbc.sql("UPDATE queue_visitor SET returned_at = ? WHERE id = ? AND admitted_at IS NULL AND returned_at IS NULL")
                .params(Timestamp.from(now), id).update();
    }

    /** A visitor passed over who came back too late: a new arrival number, at the back (same browser, same id). */
    long toTheBack(long eventId, UUID id, Instant now) {
        return jdbc.sql("""
                        UPDATE queue_visitor SET ticket = nextval(?::regclass), returned_at = NULL, seen_at = ?
                        WHERE id = ? AND event_id = ? AND admitted_at IS NULL RETURNING ticket""")
                .params(sequence(eventId), Timestamp.from(now), id, eventId).query(Long.class).single();
    }

    /**
     * Admits up to {@code k} visitors who are back (and still asking), in arrival order, under the gate's lock;
     * returns how many.
     */
    int admitReturned(long eventId, Instant seenSince, int k, Instant now) {
        return jdbc.sql("""
                        UPDATE queue_visitor SET admitted_at = ? WHERE id IN (
                            SELECT id FROM queue_visitor WHERE event_id = ? AND returned_at IS NOT NULL AND admitted_at IS NULL
                                AND seen_at >= ? ORDER BY ticket LIMIT ?)""")
                .params(Timestamp.from(now), eventId, Timestamp.from(seenSince), k).update();
    }

    /** How many visitors who are back wait ahead of arrival number {@code ticket}. */
    long returnedAhead(long eventId, long ticket, Instant seenSince) {
        return jdbc.sql("""
                        SELECT count(*) FROM queue_visitor WHERE event_id = ? AND returned_at IS NOT NULL AND admitted_at IS NULL
                            AND seen_at >= ? AND ticket < ?""")
                .params(eventId, Timestamp.from(seenSince), ticket).query(Long.class).single();
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
        return jdbc.sql("""
                        SELECT count(*) FROM queue_visitor WHERE event_id = ? AND (ticket > ? OR returned_at IS NOT NULL)
                            AND admitted_at IS NULL AND seen_at >= ?""")
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
        return new Gate(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getDouble(4), rs.getTimestamp(5).toInstant(),
                instant(rs.getTimestamp(6)));
    }

    private static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
