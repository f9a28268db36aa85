package dev.confer.access;

import dev.confer.events.EventSchedule;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Map;

/** The access module's API for reports: seats taken per session and visitors per booth. */
@Service
public class DoorCounts {

    private final SessionSeats seats;
    private final BoothVisits visits;
    private final TapLog taps;

    DoorCounts(SessionSeats seats, BoothVisits visits, TapLog taps) {
        this.seats = seats;
        this.visits = visits;
        this.taps = taps;
    }

    /**
     * One session's door. {@code turnedAway} counts distinct attendees who found it full and never got in;
     * {@code overCapacity} those a door admitted offline and that were settled after the room was full (inside, seatless).
     */
    public record SessionCount(String code, int capacity, int admitted, int turnedAway, int overCapacity) {
    }

    /** One booth: distinct attendees who showed their badge, and all their counted visits. */
    public record BoothCount(String code, int visitors, int visits) {
    }

    /** Seats taken and seats at one session's door, for a door screen that polls it. */
    public record Seats(int admitted, int capacity) {
    }

    /** One session's seats: a single-row read, cheap enough for every door screen every few seconds. */
    public Seats seats(EventSchedule event, EventSchedule.Session session) {
        SessionSeats.Fill fill = seats.fill(event.id(), session.code(), event.seatsAt(session));
        return new Seats(fill.admitted(), fill.capacity());
    }

    /** Every session of the definition, in its order. */
    public List<SessionCount> sessions(EventSchedule event) {
        Map<String, SessionSeats.Fill> fills = seats.fills(event.id());
        Map<String, Integer> turnedAway = taps.turnedAwayBySession(event.id());
        return event.sessions().stream().map(s -> {
            SessionSeats.Fill fill = fills.getOrDefault(s.code(), new SessionSeats.Fill(0, event.seatsAt(s)));
            return new SessionCount(s.code(), fill.capacity(), fill.admitted(), turnedAway.getOrDefault(s.code(), 0),
                    fill.overCapacity());
        }).toList();
    }

    /**
     * Taps (any answer) at one point ({@code session:S101}, {@code booth:B01}) during the minute starting at
     * {@code minute}; {@code firstHeard} is when the server received the first of them
     * (the ops room's event clock: when the floor reached that minute, see {@code ops.MailLag}).
     */
    public record PointMinute(String point, java.time.Instant minute, int count, int admitted, java.time.Instant firstHeard) {

        public PointMinute(String point, java.time.Instant minute, int count, int admitted) {
            this(point, minute, count, admitted, minute);
        }
    }

    /** Taps per point and minute of scan time in {@code [from, to)}; empty minutes are left out. */
    public List<PointMinute> tapsPerMinute(EventSchedule event, java.time.Instant from, java.time.Instant to) {
        return taps.perMinute(event.id(), from, to);
    }

    /** Every booth of the definition, in its order. */
    public List<BoothCount> booths(EventSchedule event) {
        Map<String, BoothVisits.Totals> totals = visits.totals(event.id());
        return event.booths().stream().map(b -> {
            BoothVisits.Totals t = totals.getOrDefault(b.code(), new BoothVisits.Totals(0, 0));
            return new BoothCount(b.code(), t.visitors(), t.visits());
        }).toList();
    }

    /** One experience or demo zone: distinct attendees who tapped in, and all their counted visits. */
    public record ZoneCount(String code, int visitors, int visits) {
    }

    /** Every zone of the definition, in its order. */
    public List<ZoneCount> zones(EventSchedule event) {
        Map<String, int[]> totals = taps.zoneTotals(event.id());
        return event.zones().stream().map(z -> {
            int[] t = totals.getOrDefault(z.code(), new int[] {0, 0});
            return new ZoneCount(z.code(), t[0], t[1]);
        }).toList();
    }
}
