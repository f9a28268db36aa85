package dev.confer.ops;

import dev.confer.access.DoorCounts;
import dev.confer.checkin.Checkins;
import dev.confer.events.EventSchedule;
import dev.confer.notifications.MailBacklog;
import dev.confer.registration.Registrations;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The floor's signals of one event day, per minute of <em>event time</em> (the scan times devices recorded, not when
 * the server heard of them): {@code arrivals} per desk and {@code taps} per room door. "Now" is the later of the clock
 * and the last minute anybody scanned, so a day replayed at high speed, or synced late by offline devices, is judged
 * exactly as the live day would have been. The minute still being filled is never judged. And {@code mail}: the event's
 * mail backlog on the same event clock ({@link MailLag}).
 */
@Component
class FloorSignals {

    /** A door counts as working from this long before its session starts until the session ends. */
    static final Duration DOOR_OPENS_BEFORE = Duration.ofMinutes(15);

    private final Checkins checkins;
    private final DoorCounts doors;
    private final Registrations registrations;
    private final MailBacklog mail;
    private final Clock clock;

    FloorSignals(Checkins checkins, DoorCounts doors, Registrations registrations, MailBacklog mail, Clock clock) {
        this.registrations = registrations;
        this.mail = mail;
        this.checkins = checkins;
        this.doors = doors;
        this.clock = clock;
    }

    /** A room's fill is judged once its session has run this long (the doors' rush is over). */
    static final Duration FILL_SETTLES = Duration.ofMinutes(10);

    record Floor(LocalDate day, Instant now, List<SignalDay> signals, VoucherForecast.@Nullable Stock vouchers) {

        Floor withSignals(List<SignalDay> more) {
            List<SignalDay> all = new java.util.ArrayList<>(signals);
            all.addAll(more);
            return new Floor(day, now, List.copyOf(all), vouchers);
        }
    }

    /** The day asked for, else the day whose doors are open now, else the first day. */
    Optional<EventSchedule.Day> day(EventSchedule event, @Nullable LocalDate asked) {
        if (asked != null) {
            return event.day(asked);
        }
        return event.dayAt(clock.instant()).or(() -> event.days().stream().findFirst());
    }

    Floor of(EventSchedule event, EventSchedule.Day day) {
        Instant open = event.instant(day.date(), day.doorsOpen());
        Instant close = event.instant(day.date(), day.end());
        int total = (int) Duration.between(open, close).toMinutes();
        List<Checkins.DeskMinute> arrivals = checkins.arrivalsPerMinute(event, open, close);
        List<DoorCounts.PointMinute> taps = doors.tapsPerMinute(event, open, close);
        int lastScan = Math.max(arrivals.stream().mapToInt(a -> index(open, a.minute())).max().orElse(-1),
                taps.stream().mapToInt(t -> index(open, t.minute())).max().orElse(-1));
        int judged = Math.clamp(Math.max(lastScan, index(open, clock.instant())), 0, total); // minutes before "now"

        SignalDay desks = new SignalDay("arrivals", open, judged);
        perSubject(arrivals.stream().map(a -> new Count(deskName(a.desk()), index(open, a.minute()), a.count())).toList(), judged)
                .forEach(desks::subject);
        SignalDay rooms = new SignalDay("taps", open, judged);
        Map<String, boolean[]> working = roomsWorking(event, day, open, judged);
        Map<String, int[]> roomCounts = perSubject(taps.stream().filter(t -> t.point().startsWith("session:"))
                .flatMap(t -> event.session(t.point().substring(8)).stream()
                        .map(s -> new Count(s.room(), index(open, t.minute()), t.count())))
                .toList(), judged);
        working.forEach((room, on) -> rooms.subject(room, roomCounts.getOrDefault(room, new int[judged]), on));

        earlierDay(event, day).ifPresent(before -> {
            Instant beforeOpen = event.instant(before.date(), day.doorsOpen()); // same minute of day
            Instant beforeClose = beforeOpen.plus(Duration.ofMinutes(total));
            perSubject(checkins.arrivalsPerMinute(event, beforeOpen, beforeClose).stream()
                    .map(a -> new Count(deskName(a.desk()), index(beforeOpen, a.minute()), a.count())).toList(), total)
                    .forEach(desks::history);
        });
        Instant now = open.plus(Duration.ofMinutes(judged));
        return new Floor(day.date(), now, List.of(desks, rooms, fill(event, day, open, judged, taps), mail(event, open, total, taps)),
                vouchers(event, day, open, close, judged, arrivals));
    }

    /**
     * {@code fill}: per room in session, the percentage of its session's seats taken (admitted taps since the door
     * opened), from {@link #FILL_SETTLES} into the session until it ends; the siblings are the other rooms in session.
     * Only a room far above the others alerts: a quiet talk is no incident.
     */
    private static SignalDay fill(EventSchedule event, EventSchedule.Day day, Instant open, int judged,
                                  List<DoorCounts.PointMinute> taps) {
        SignalDay fill = new SignalDay("fill", open, judged).watch(BandWatch.Kind.ABOVE_BAND);
        Map<String, int[]> admitted = new LinkedHashMap<>();
        for (DoorCounts.PointMinute t : taps) {
            int m = index(open, t.minute());
            if (t.point().startsWith("session:") && m >= 0 && m < judged) {
                admitted.computeIfAbsent(t.point().substring(8), k -> new int[judged])[m] += t.admitted();
            }
        }
        Map<String, int[]> percent = new java.util.TreeMap<>();
        Map<String, boolean[]> working = new java.util.TreeMap<>();
        for (EventSchedule.Session s : event.sessions()) {
            if (!s.day().equals(day.date())) {
                continue;
            }
            int seats = s.capacity() != null ? s.capacity() : event.room(s.room()).map(EventSchedule.Room::capacity).orElse(0);
            if (seats <= 0) {
                continue;
            }
            int[] in = admitted.getOrDefault(s.code(), new int[judged]);
            int[] p = percent.computeIfAbsent(s.room(), r -> new int[judged]);
            boolean[] on = working.computeIfAbsent(s.room(), r -> new boolean[judged]);
            int from = Math.max(0, index(open, event.instant(day.date(), s.start()).plus(FILL_SETTLES)));
            int to = Math.min(judged, index(open, event.instant(day.date(), s.end())));
            int taken = 0;
            for (int m = 0; m < Math.min(to, judged); m++) {
                taken += in[m];
                if (m >= from) {
                    p[m] = (int) Math.round(100.0 * taken / seats);
                    on[m] = true;
                }
            }
        }
        working.forEach((room, on) -> fill.subject(room, percent.get(room), on));
        return fill;
    }

    /** {@code mail}: the event's backlog per minute of event time, judged only against its own past and only above it. */
    private SignalDay mail(EventSchedule event, Instant open, int total, List<DoorCounts.PointMinute> taps) {
        Instant[] firstHeard = new Instant[total];
        for (DoorCounts.PointMinute t : taps) {
            int m = index(open, t.minute());
            if (m >= 0 && m < total && (firstHeard[m] == null || t.firstHeard().isBefore(firstHeard[m]))) {
                firstHeard[m] = t.firstHeard();
            }
        }
        Instant[] passed = MailLag.clock(open, firstHeard, null, clock.instant());
        int n = 0;
        while (n < total && passed[n] != null) {
            n++;
        }
        // the day's own mail: queued once the floor's first scan was heard (the wall clock's doors open without one)
        Instant since = java.util.Arrays.stream(firstHeard).filter(java.util.Objects::nonNull).min(Instant::compareTo).orElse(open);
        int[] backlog = n == 0 ? new int[0]
                : MailLag.perMinute(passed, mail.unsentBetween(event.id(), since, passed[0], passed[n - 1]));
        return mailSignal(open, backlog);
    }

    static SignalDay mailSignal(Instant open, int[] backlog) {
        boolean[] always = new boolean[backlog.length];
        java.util.Arrays.fill(always, true);
        return new SignalDay("mail", open, backlog.length).alone().watch(BandWatch.Kind.ABOVE_BAND).subject("backlog", backlog, always);
    }

    /** The day's lunch-voucher stock for {@link VoucherForecast}: it should last until lunch ends, else the day. */
    private VoucherForecast.@Nullable Stock vouchers(EventSchedule event, EventSchedule.Day day, Instant open, Instant close, int judged,
                                                     List<Checkins.DeskMinute> arrivals) {
        if (day.mealVouchers() <= 0) {
            return null;
        }
        int[] issued = new int[judged];
        int[] arrived = new int[judged];
        int issuedInDay = 0;
        int arrivedInDay = 0;
        for (Checkins.DeskMinute a : arrivals) {
            int m = index(open, a.minute());
            issuedInDay += a.vouchers();
            arrivedInDay += a.count();
            if (m >= 0 && m < judged) {
                issued[m] += a.vouchers();
                arrived[m] += a.count();
            }
        }
        int issuedTotal = 0;
        int arrivedTotal = 0;
        int stock = day.mealVouchers();
        for (dev.confer.checkin.DayCount c : checkins.dayCounts(event)) {
            if (c.day().equals(day.date())) {
                issuedTotal = c.vouchersIssued();
                arrivedTotal = c.checkedIn();
                stock = c.voucherStock();
            }
        }
        Instant until = day.lunch() != null ? event.instant(day.date(), day.lunch().to()) : close;
        return new VoucherForecast.Stock(open, issued, arrived, stock, Math.max(0, issuedTotal - issuedInDay),
                Math.max(0, arrivedTotal - arrivedInDay), registrations.availability(event).confirmed(), index(open, until));
    }

    private record Count(String subject, int minute, int count) {
    }

    private static Map<String, int[]> perSubject(List<Count> counts, int minutes) {
        Map<String, int[]> series = new LinkedHashMap<>();
        for (Count c : counts.stream().sorted(java.util.Comparator.comparing(Count::subject)).toList()) {
            int[] s = series.computeIfAbsent(c.subject(), k -> new int[minutes]);
            if (c.minute() >= 0 && c.minute() < minutes) {
                s[c.minute()] += c.count();
            }
        }
        return series;
    }

    /** Per room with a session that day: the minutes from {@link #DOOR_OPENS_BEFORE} its sessions until they end. */
    private static Map<String, boolean[]> roomsWorking(EventSchedule event, EventSchedule.Day day, Instant open, int minutes) {
        Map<String, boolean[]> working = new java.util.TreeMap<>();
        for (EventSchedule.Session s : event.sessions()) {
            if (!s.day().equals(day.date())) {
                continue;
            }
            boolean[] on = working.computeIfAbsent(s.room(), r -> new boolean[minutes]);
            int from = Math.max(0, index(open, event.instant(day.date(), s.start()).minus(DOOR_OPENS_BEFORE)));
            int to = Math.min(minutes, index(open, event.instant(day.date(), s.end())));
            for (int m = from; m < to; m++) {
                on[m] = true;
            }
        }
        return working;
    }

    private static Optional<EventSchedule.Day> earlierDay(EventSchedule event, EventSchedule.Day day) {
        return event.days().stream().filter(d -> d.date().isBefore(day.date()))
                .max(java.util.Comparator.comparing(EventSchedule.Day::date));
    }

    private static String deskName(String desk) {
        return desk.isBlank() ? "unnamed" : desk;
    }

    private static int index(Instant open, Instant minute) {
        return (int) Math.floorDiv(Duration.between(open, minute).getSeconds(), 60);
    }

}
