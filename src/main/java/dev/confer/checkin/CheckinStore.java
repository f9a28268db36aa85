package dev.confer.checkin;

import dev.confer.shared.RegistrationId;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** The checkin table: one row per attendee and event day, with the voucher and keynote seat taken that day. */
@Repository
class CheckinStore {

    /** One attendee's check-in on one day, as stored. */
    record Row(RegistrationId registrationId, LocalDate day, Instant checkedInAt, @Nullable Integer voucherNo,
               @Nullable Instant voucherRedeemedAt, @Nullable Integer seatNo) {
    }

    /** What the day's stock gave a first check-in; either may be null when it ran out (or the keynote is over). */
    record Taken(@Nullable Integer voucherNo, @Nullable Integer seatNo) {
    }

    private static final RowMapper<Row> ROW = (rs, n) -> new Row(new RegistrationId(rs.getObject(1, UUID.class)), rs.getObject(2, LocalDate.class),
            rs.getTimestamp(3).toInstant(), (Integer) rs.getObject(4), instant(rs.getTimestamp(5)), (Integer) rs.getObject(6));

    private final JdbcClient jdbc;

    CheckinStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A first check-in of the day in ONE autocommitted statement: takes a voucher while any are left and a
     * keynote seat while any are left and the keynote has not ended, from the day's stock row (the one hot
     * row of check-in), and inserts the check-in with their numbers. The stock row's lock is released by
     * the commit of this very statement, never held across a round trip to the application, so desks do
     * not queue behind a slow client. The stock row is locked before it is read, so what was taken is
     * known exactly, and numbers follow commit order.
     *
     * <p>Nothing is taken when the attendee has a check-in that day already, when the registration is not
     * (or no longer) confirmed — the registration row is share-locked, so a cancellation cannot slip in
     * between — or when the day has no stock row. Then the result is empty. A concurrent first scan of the
     * same ticket fails on the primary key and rolls back all it took ({@link DuplicateKeyException}).
     */
    Optional<Taken> checkInFirst(long eventId, RegistrationId registrationId, LocalDate day, Instant at, @Nullable String desk,
                                 boolean beforeKeynoteEnd, @Nullable UUID clientId) {
        return jdbc.sql("""
                        WITH attendee AS (
                            SELECT id FROM registration
                            WHERE id = :registration AND event_id = :event AND status = 'CONFIRMED' AND erased_at IS NULL
                            FOR SHARE),
                        left_over AS (
                            SELECT vouchers_issued < voucher_stock AS voucher,
                                   (:beforeKeynoteEnd AND seats_taken < keynote_seats) AS seat
                            FROM day_stock
                            WHERE event_id = :event AND day = :day
                              AND EXISTS (SELECT 1 FROM attendee)
                              AND NOT EXISTS (SELECT 1 FROM checkin WHERE registration_id = :registration AND day = :day)
                            FOR UPDATE),
                        taken AS (
                            UPDATE day_stock s
                            SET vouchers_issued = s.vouchers_issued + l.voucher::int,
                                seats_taken = s.seats_taken + l.seat::int
                            FROM left_over l
                            WHERE s.event_id = :event AND s.day = :day
                            RETURNING CASE WHEN l.voucher THEN s.vouchers_issued END AS voucher_no,
                                      CASE WHEN l.seat THEN s.seats_taken END AS seat_no)
                        INSERT INTO checkin (event_id, registration_id, day, checked_in_at, desk, voucher_no, seat_no, client_id)
                        SELECT :event, :registration, :day, :at, :desk, voucher_no, seat_no, :client FROM taken
                        RETURNING voucher_no, seat_no""")
                .param("registration", registrationId.value())
                .param("event", eventId)
                .param("day", day)
                .param("at", Timestamp.from(at))
                .param("desk", desk)
                .param("beforeKeynoteEnd", beforeKeynoteEnd)
                .param("client", clientId)
                .query((rs, n) -> new Taken((Integer) rs.getObject(1), (Integer) rs.getObject(2)))
                .optional();
    }

    /** The check-in a device's own id for it created, if any (a resent check-in is answered as the first was). */
    Optional<Row> findByClientId(long eventId, UUID clientId) {
        return jdbc.sql("""
                        SELECT registration_id, day, checked_in_at, voucher_no, voucher_redeemed_at, seat_no
                        FROM checkin WHERE client_id = ? AND event_id = ?""")
                .params(clientId, eventId).query(ROW).optional();
    }

    Optional<Row> find(RegistrationId registrationId, LocalDate day) {
        return jdbc.sql("""
                        SELECT registration_id, day, checked_in_at, voucher_no, voucher_redeemed_at, seat_no
                        FROM checkin WHERE registration_id = ? AND day = ?""")
                .params(registrationId.value(), day).query(ROW).optional();
    }

    /**
     * Marks the voucher redeemed if nobody has yet and its registration still stands; empty when it was already
     * redeemed, its registration was cancelled, or it does not exist.
     */
    Optional<Row> redeem(long eventId, VoucherCode code, Instant at) {
        return jdbc.sql("""
                        UPDATE checkin SET voucher_redeemed_at = ?
                        WHERE event_id = ? AND day = ? AND voucher_no = ? AND voucher_redeemed_at IS NULL
                          AND EXISTS (SELECT 1 FROM registration r
                                      WHERE r.id = checkin.registration_id AND r.status = 'CONFIRMED')
                        RETURNING registration_id, day, checked_in_at, voucher_no, voucher_redeemed_at, seat_no""")
                .params(Timestamp.from(at), eventId, code.day(), code.number())
                .query(ROW).optional();
    }

    Optional<Row> findByVoucher(long eventId, VoucherCode code) {
        return jdbc.sql("""
                        SELECT registration_id, day, checked_in_at, voucher_no, voucher_redeemed_at, seat_no
                        FROM checkin WHERE event_id = ? AND day = ? AND voucher_no = ?""")
                .params(eventId, code.day(), code.number()).query(ROW).optional();
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
