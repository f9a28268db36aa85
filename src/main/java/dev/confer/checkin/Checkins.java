package dev.confer.checkin;

import dev.confer.shared.RegistrationId;
import dev.confer.tickets.Tickets;
import dev.confer.events.EventSchedule;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The check-in module's API for other modules: who is in today, whose badge is this, day counts. */
@Service
public class Checkins {

    private final JdbcClient jdbc;
    private final Tickets tickets;

    Checkins(JdbcClient jdbc, Tickets tickets) {
        this.jdbc = jdbc;
        this.tickets = tickets;
    }

    public boolean checkedIn(RegistrationId registrationId, LocalDate day) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM checkin WHERE registration_id = ? AND day = ?)")
                .params(registrationId.value(), day).query(Boolean.class).single();
    }

    /** A check-in as the desk's recent list shows it: who, when, at which desk. */
    public record RecentCheckin(RegistrationId registrationId, java.time.Instant checkedInAt, @org.jspecify.annotations.Nullable String desk) {
    }

    /** The latest check-ins of a day at every desk, newest first (the index on event, day, time serves it). */
    public List<RecentCheckin> recent(EventSchedule event, LocalDate day, int limit) {
        return jdbc.sql("""
                        SELECT registration_id, checked_in_at, desk FROM checkin
                        WHERE event_id = ? AND day = ? ORDER BY checked_in_at DESC, registration_id LIMIT ?""")
                .params(event.id(), day, limit)
                .query((rs, n) -> new RecentCheckin(new RegistrationId(rs.getObject(1, UUID.class)), rs.getTimestamp(2).toInstant(),
                        rs.getString(3)))
                .list();
    }

    /** When each of these attendees checked in on that day; those who did not are absent from the map. */
    public java.util.Map<RegistrationId, java.time.Instant> checkedInAt(EventSchedule event, java.util.Collection<RegistrationId> ids,
                                                                      LocalDate day) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<RegistrationId, java.time.Instant> at = new java.util.HashMap<>();
        jdbc.sql("SELECT registration_id, checked_in_at FROM checkin WHERE event_id = ? AND day = ? AND registration_id = ANY (?)")
                .params(event.id(), day, ids.stream().map(RegistrationId::value).toArray(UUID[]::new))
                .query((rs, n) -> at.put(new RegistrationId(rs.getObject(1, UUID.class)), rs.getTimestamp(2).toInstant()))
                .list();
        return at;
    }

    /** Every day this attendee has checked in, in day order (empty before the first check-in). */
    public List<AttendeeDay> daysOf(EventSchedule event, RegistrationId registrationId) {
        return jdbc.sql("""
                        SELECT day, checked_in_at, voucher_no, voucher_redeemed_at IS NOT NULL, seat_no
                        FROM checkin WHERE event_id = ? AND registration_id = ? ORDER BY day""")
                .params(event.id(), registrationId.value())
                .query((rs, n) -> {
                    LocalDate day = rs.getObject(1, LocalDate.class);
                    Integer voucher = (Integer) rs.getObject(3);
                    Integer seat = (Integer) rs.getObject(5);
                    EventSchedule.HallSeat hallSeat = seat == null ? null : event.day(day)
                            .map(EventSchedule.Day::keynote).flatMap(k -> k.seat(seat)).orElse(null);
                    return new AttendeeDay(day, rs.getTimestamp(2).toInstant(), hallSeat,
                            voucher == null ? null : new VoucherCode(day, voucher).text(event, tickets), rs.getBoolean(4));
                })
                .list();
    }

    /** The registration an NFC badge is bound to. UIDs are compared upper-case without separators. */
    public Optional<RegistrationId> registrationForBadge(long eventId, String nfcUid) {
        return jdbc.sql("SELECT registration_id FROM nfc_badge WHERE event_id = ? AND nfc_uid = ?")
                .params(eventId, normalizeUid(nfcUid)).query((rs, n) -> new RegistrationId(rs.getObject(1, UUID.class))).optional();
    }

    public List<DayCount> dayCounts(EventSchedule event) {
        return jdbc.sql("""
                        SELECT s.day, s.voucher_stock, s.vouchers_issued, s.keynote_seats, s.seats_taken,
                               (SELECT count(*) FROM checkin c WHERE c.event_id = s.event_id AND c.day = s.day),
                               (SELECT count(*) FROM checkin c WHERE c.event_id = s.event_id AND c.day = s.day
                                                              AND c.voucher_redeemed_at IS NOT NULL)
                        FROM day_stock s WHERE s.event_id = ? ORDER BY s.day""")
                .param(event.id())
                .query((rs, n) -> new DayCount(rs.getObject(1, LocalDate.class), rs.getInt(6), rs.getInt(2), rs.getInt(3),
                        rs.getInt(7), rs.getInt(4), rs.getInt(5)))
                .list();
    }

    /** First check-ins per ten minutes, all days, in time order; empty slots are left out. */
    public List<Arrivals> arrivalsPer10Minutes(EventSchedule event) {
        return jdbc.sql("""
                        SELECT date_bin('10 minutes', checked_in_at, TIMESTAMPTZ '2000-01-01 00:00:00+00'), count(*)
                        FROM checkin WHERE event_id = ? GROUP BY 1 ORDER BY 1""")
                .param(event.id())
                .query((rs, n) -> new Arrivals(rs.getTimestamp(1).toInstant(), rs.getInt(2)))
                .list();
    }

    /** First check-ins at one desk during the minute starting at {@code minute} (scan time), and the lunch vouchers
     * they were given; null desk: unnamed. */
    public record DeskMinute(String desk, java.time.Instant minute, int count, int vouchers) {
    }

    /** First check-ins per desk and minute of scan time in {@code [from, to)}; empty minutes are left out. */
    public List<DeskMinute> arrivalsPerMinute(EventSchedule event, java.time.Instant from, java.time.Instant to) {
        return jdbc.sql("""
                        SELECT coalesce(desk, ''), date_trunc('minute', checked_in_at), count(*), count(voucher_no)
                        FROM checkin WHERE event_id = ? AND day = ? AND checked_in_at >= ? AND checked_in_at < ?
                        GROUP BY 1, 2 ORDER BY 2""")
                .params(event.id(), event.localDate(from), java.sql.Timestamp.from(from), java.sql.Timestamp.from(to))
                .query((rs, n) -> new DeskMinute(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getInt(3), rs.getInt(4)))
                .list();
    }

    /** Every desk that checked someone in on {@code day}, by name; a desk with nothing yet is not listed. */
    public List<DeskActivity> desksOn(EventSchedule event, LocalDate day, java.time.Instant now) {
        return jdbc.sql("""
                        SELECT coalesce(desk, ''), count(*),
                               count(*) FILTER (WHERE checked_in_at > :since), max(checked_in_at)
                        FROM checkin WHERE event_id = :event AND day = :day GROUP BY 1 ORDER BY 1""")
                .param("event", event.id()).param("day", day).param("since", java.sql.Timestamp.from(now.minus(java.time.Duration.ofMinutes(10))))
                .query((rs, n) -> new DeskActivity(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getTimestamp(4).toInstant()))
                .list();
    }

    /** An NFC UID as stored: hex digits only, upper case (readers print {@code 04:a2:...} or {@code 04-A2-...}). */
    static String normalizeUid(String uid) {
        return uid.replaceAll("[^0-9A-Fa-f]", "").toUpperCase(java.util.Locale.ROOT);
    }
}
