package dev.confer.checkin;

import dev.confer.events.EventSchedule;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.List;

/** The day_stock table: per event day, the lunch vouchers and keynote seats there are and those taken. */
@Repository
class DayStock {

    /** A day's stock as it stands, with how many attendees have checked in that day. */
    record Held(LocalDate day, int voucherStock, int vouchersIssued, int keynoteSeats, int seatsTaken, int checkins) {
    }

    private final JdbcClient jdbc;

    DayStock(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks the event's stock rows until the end of the (definition) transaction, so that no voucher or
     * seat is taken between checking a new definition and applying it.
     */
    List<Held> lockForRedefinition(long eventId) {
        return jdbc.sql("""
                        SELECT s.day, s.voucher_stock, s.vouchers_issued, s.keynote_seats, s.seats_taken,
                               (SELECT count(*) FROM checkin c WHERE c.event_id = s.event_id AND c.day = s.day)
                        FROM day_stock s WHERE s.event_id = ? ORDER BY s.day FOR UPDATE OF s""")
                .param(eventId)
                .query((rs, n) -> new Held(rs.getObject(1, LocalDate.class), rs.getInt(2), rs.getInt(3), rs.getInt(4),
                        rs.getInt(5), rs.getInt(6)))
                .list();
    }

    /** Makes the stock rows match the definition: one per day, taken counts kept. */
    void match(EventSchedule event) {
        for (EventSchedule.Day day : event.days()) {
            jdbc.sql("""
                            INSERT INTO day_stock (event_id, day, voucher_stock, keynote_seats) VALUES (?, ?, ?, ?)
                            ON CONFLICT (event_id, day) DO UPDATE
                            SET voucher_stock = EXCLUDED.voucher_stock, keynote_seats = EXCLUDED.keynote_seats""")
                    .params(event.id(), day.date(), day.mealVouchers(), day.keynoteSeats())
                    .update();
        }
        String[] days = event.days().stream().map(d -> d.date().toString()).toArray(String[]::new);
        jdbc.sql("DELETE FROM day_stock WHERE event_id = ? AND NOT (day = ANY (?::date[]))")
                .params(event.id(), days)
                .update();
    }
}
