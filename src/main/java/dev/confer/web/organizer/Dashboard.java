package dev.confer.web.organizer;

import dev.confer.checkin.Checkins;
import dev.confer.events.EventSchedule;
import dev.confer.registration.RegistrationStatus;
import dev.confer.stats.EventFigures;
import org.springframework.stereotype.Component;

import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What the organizer's live dashboard shows, read from the stats module's report and the desk's arrivals. */
@Component
class Dashboard {

    /** A session is shown as nearly full from this share of its seats on. */
    static final int NEARLY_FULL_PERCENT = 90;

    /** How many of the rooms running now the first screen lists, fullest first. */
    static final int FULLEST_SHOWN = 5;

    private final EventFigures figures;
    private final Checkins checkins;
    private final java.time.Clock clock;

    Dashboard(EventFigures figures, Checkins checkins, java.time.Clock clock) {
        this.figures = figures;
        this.checkins = checkins;
        this.clock = clock;
    }

    record View(EventSchedule event, Map<RegistrationStatus, Integer> registrations, List<EventFigures.DayFigures> days,
                List<SessionFill> sessions, List<EventFigures.BoothFigures> booths, List<ArrivalsChart.DayChart> charts,
                List<SessionFill> fullestNow) {

        public int count(String status) {
            return registrations.getOrDefault(RegistrationStatus.valueOf(status), 0);
        }

        public int nearlyFullPercent() {
            return NEARLY_FULL_PERCENT;
        }
    }

    /** One session's room, as full as the door counted it. */
    record SessionFill(EventFigures.SessionFigures figures, LocalTime start, LocalTime end, String roomName, int percent) {

        public boolean nearlyFull() {
            return percent >= NEARLY_FULL_PERCENT;
        }

        /** Every seat taken: "full", not "nearly full". */
        public boolean full() {
            return figures.capacity() > 0 && figures.admitted() >= figures.capacity();
        }
    }

    View of(EventSchedule event, java.util.Locale locale) {
        EventFigures.Report report = figures.of(event);
        Map<String, EventSchedule.Session> sessions = event.sessions().stream()
                .collect(Collectors.toMap(EventSchedule.Session::code, Function.identity()));
        Map<String, EventSchedule.Room> rooms = event.rooms().stream()
                .collect(Collectors.toMap(EventSchedule.Room::code, Function.identity()));
        List<SessionFill> fill = report.sessions().stream().map(f -> {
                    EventSchedule.Session s = sessions.get(f.code());
                    EventSchedule.Room room = rooms.get(f.room());
                    int percent = f.capacity() <= 0 ? 0 : (int) Math.min(100, Math.round(100.0 * f.admitted() / f.capacity()));
                    return new SessionFill(f, s.start(), s.end(), room == null ? f.room() : room.name().in(locale), percent);
                })
                .sorted(Comparator.comparing((SessionFill s) -> s.figures().day()).thenComparing(SessionFill::start)
                        .thenComparing(s -> s.figures().room()))
                .toList();
        java.time.LocalDateTime now = java.time.LocalDateTime.now(clock.withZone(event.zone()));
        List<SessionFill> fullestNow = fill.stream()
                .filter(s -> s.figures().day().equals(now.toLocalDate()) && !now.toLocalTime().isBefore(s.start())
                        && now.toLocalTime().isBefore(s.end()))
                .sorted(Comparator.comparingInt(SessionFill::percent).reversed().thenComparing(SessionFill::roomName))
                .limit(FULLEST_SHOWN).toList();
        return new View(event, report.registrations(), report.days(), fill, report.booths(),
                ArrivalsChart.of(event, checkins.arrivalsPer10Minutes(event)), fullestNow);
    }

}
