package dev.confer.receivers;

import dev.confer.events.DefinitionGuard;
import dev.confer.events.EventDefined;
import dev.confer.events.EventSchedule;
import dev.confer.shared.RegistrationId;
import dev.confer.shared.Rejection.FieldProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The event's receiver stock ({@code receiver_stock}: how many, how many out; copied from the definition in the
 * defining transaction) and the loans ({@code receiver_loan}; at most one open per attendee, a partial unique index).
 * Lending and returning are each ONE autocommitted statement that moves the counter and the loan together. Lock
 * order in both: the attendee's open loan (or the loan returned), then the stock row, then the new loan's index entry.
 */
@Repository
class ReceiverLoans implements DefinitionGuard {

    private final JdbcClient jdbc;

    ReceiverLoans(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One loan row. */
    record Row(UUID id, RegistrationId registrationId, Instant lentAt, @Nullable Instant returnedAt) {
    }

    /**
     * What a lending statement found: the loan it made, or the attendee's open loan, or the holder of this id (a
     * resend, or an id used for someone else), and the stock after it.
     */
    record Lent(boolean made, @Nullable UUID openId, @Nullable String sameIdHolder, int out, int stock) {
    }

    /** What a return found: the loan (returned now or before) and the stock after it. */
    record Returned(Row loan, boolean now, int out, int stock) {
    }

    /**
     * Lends one unless the attendee has one open, the id was used, or none are left. Two first loans to one attendee
     * (or one id) at once both take stock in their snapshots; the second then fails on a unique index and rolls back
     * whole (DuplicateKeyException: the caller tries again and finds the first). Empty when the event lends none.
     */
    Optional<Lent> lend(UUID id, long eventId, RegistrationId attendee, Instant at, String by) {
        return jdbc.sql("""
                        WITH open AS (
                            SELECT loan_id FROM receiver_loan
                            WHERE event_id = :event AND registration_id = :registration AND returned_at IS NULL FOR UPDATE),
                        same AS (
                            SELECT registration_id FROM receiver_loan WHERE loan_id = :id),
                        taken AS (
                            UPDATE receiver_stock SET lent = lent + 1
                            WHERE event_id = :event AND lent < stock
                              AND NOT EXISTS (SELECT 1 FROM open) AND NOT EXISTS (SELECT 1 FROM same)
                            RETURNING lent, stock),
                        made AS (
                            INSERT INTO receiver_loan (loan_id, event_id, registration_id, lent_at, lent_by)
                            SELECT :id, :event, :registration, :at, :by FROM taken
                            RETURNING loan_id)
                        SELECT EXISTS (SELECT 1 FROM made), (SELECT loan_id FROM open LIMIT 1), (SELECT registration_id::text FROM same),
                               coalesce((SELECT lent FROM taken), s.lent), coalesce((SELECT stock FROM taken), s.stock)
                        FROM receiver_stock s WHERE s.event_id = :event""")
                .param("id", id)
                .param("event", eventId)
                .param("registration", attendee.value())
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .param("by", by)
                .query((rs, n) -> new Lent(rs.getBoolean(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getInt(4), rs.getInt(5)))
                .optional();
    }

    /**
     * Marks the loan returned and puts the receiver back on the shelf, in one statement; a second return changes
     * nothing (the loan row's lock makes the two wait for each other, and the second finds it returned).
     */
    Optional<Returned> giveBack(UUID id, long eventId, Instant at, String by) {
        return jdbc.sql("""
                        WITH back AS (
                            UPDATE receiver_loan SET returned_at = :at, returned_by = :by
                            WHERE loan_id = :id AND event_id = :event AND returned_at IS NULL
                            RETURNING returned_at),
                        freed AS (
                            UPDATE receiver_stock SET lent = lent - 1
                            WHERE event_id = :event AND EXISTS (SELECT 1 FROM back)
                            RETURNING lent)
                        SELECT l.loan_id, l.registration_id, l.lent_at, coalesce((SELECT returned_at FROM back), l.returned_at),
                               EXISTS (SELECT 1 FROM back), coalesce((SELECT lent FROM freed), s.lent), s.stock
                        FROM receiver_loan l JOIN receiver_stock s ON s.event_id = l.event_id
                        WHERE l.loan_id = :id AND l.event_id = :event""")
                .param("id", id)
                .param("event", eventId)
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .param("by", by)
                .query((rs, n) -> new Returned(new Row(rs.getObject(1, UUID.class), new RegistrationId(rs.getObject(2, UUID.class)),
                        instant(rs, 3), instantOrNull(rs, 4)), rs.getBoolean(5), rs.getInt(6), rs.getInt(7)))
                .optional();
    }

    Optional<Row> loan(UUID id, long eventId) {
        return jdbc.sql("SELECT loan_id, registration_id, lent_at, returned_at FROM receiver_loan WHERE loan_id = ? AND event_id = ?")
                .params(id, eventId)
                .query(ReceiverLoans::row)
                .optional();
    }

    Optional<Row> openLoanOf(long eventId, RegistrationId attendee) {
        return jdbc.sql("""
                        SELECT loan_id, registration_id, lent_at, returned_at FROM receiver_loan
                        WHERE event_id = ? AND registration_id = ? AND returned_at IS NULL""")
                .params(eventId, attendee.value())
                .query(ReceiverLoans::row)
                .optional();
    }

    /** {stock, out}; {0, 0} when the event lends none. */
    int[] stock(long eventId) {
        return jdbc.sql("SELECT stock, lent FROM receiver_stock WHERE event_id = ?")
                .param(eventId)
                .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)})
                .optional().orElse(new int[] {0, 0});
    }

    /** A loan still open at {@code end}: lent by then and not back by then. */
    record OpenAt(UUID id, RegistrationId registrationId, Instant lentAt, @Nullable String lentBy, @Nullable Instant returnedAt) {
    }

    List<OpenAt> openAt(long eventId, Instant end) {
        return jdbc.sql("""
                        SELECT loan_id, registration_id, lent_at, lent_by, returned_at FROM receiver_loan
                        WHERE event_id = ? AND lent_at <= ? AND (returned_at IS NULL OR returned_at > ?)
                        ORDER BY lent_at, loan_id""")
                .params(eventId, OffsetDateTime.ofInstant(end, ZoneOffset.UTC), OffsetDateTime.ofInstant(end, ZoneOffset.UTC))
                .query((rs, n) -> new OpenAt(rs.getObject(1, UUID.class), new RegistrationId(rs.getObject(2, UUID.class)),
                        instant(rs, 3), rs.getString(4), instantOrNull(rs, 5)))
                .list();
    }

    /** A new definition may not have fewer receivers than are out on loan now. */
    @Override
    public List<FieldProblem> check(EventSchedule current, EventSchedule proposed) {
        // locked, so no loan passes a lowered stock between this check and the copy below
        Integer out = jdbc.sql("SELECT lent FROM receiver_stock WHERE event_id = ? FOR UPDATE")
                .param(current.id())
                .query(Integer.class)
                .optional().orElse(0);
        if (out > proposed.receiverStock()) {
            return List.of(new FieldProblem(proposed.receivers() == null ? "/receivers" : "/receivers/stock",
                    "receivers.below-out", proposed.receiverStock(), out));
        }
        return List.of();
    }

    /** Copies the stock from the definition in the defining transaction (after the giveaway stock in the lock order). */
    @EventListener
    void on(EventDefined defined) {
        EventSchedule event = defined.schedule();
        if (event.receivers() == null) {
            // kept (with its loans' history) if it ever lent any; the guard made sure none are out
            jdbc.sql("UPDATE receiver_stock SET stock = 0 WHERE event_id = ?").param(event.id()).update();
            return;
        }
        jdbc.sql("""
                        INSERT INTO receiver_stock (event_id, stock) VALUES (?, ?)
                        ON CONFLICT (event_id) DO UPDATE SET stock = EXCLUDED.stock""")
                .params(event.id(), event.receiverStock())
                .update();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject(1, UUID.class), new RegistrationId(rs.getObject(2, UUID.class)), instant(rs, 3),
                instantOrNull(rs, 4));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static @Nullable Instant instantOrNull(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
