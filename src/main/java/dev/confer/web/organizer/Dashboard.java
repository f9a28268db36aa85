package dev.confer.web.organizer;

import dev.confer.checkin.Checkins;
import dev.confer.events.EventSchedule;
import dev.confer.registration.RegistrationStatus;
import dev.confer.stats.EventFigures;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
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

    /**
     * {@code day} is the day the page is filtered to (null: all days); {@code deskDay} is the day whose desks are
     * shown (the chosen day, else today when the event runs today).
     */
    record View(EventSchedule event, Map<RegistrationStatus, Integer> registrations, List<EventFigures.DayFigures> days,
                List<SessionFill> sessions, List<EventFigures.BoothFigures> booths, List<ArrivalsChart.DayChart> charts,
                List<SessionFill> fullestNow, @Nullable LocalDate day, @Nullable LocalDate deskDay, List<DeskRow> desks,
                List<EventFigures.ZoneFigures> zones) {

        /** The filter's value for the links and the polls: a date, or {@code all}. */
        public String dayParameter() {
            return day == null ? ALL_DAYS : day.toString();
        }

        public int count(String status) {
            return registrations.getOrDefault(RegistrationStatus.valueOf(status), 0);
        }

        public int nearlyFullPercent() {
            return NEARLY_FULL_PERCENT;
        }
    }

    /** One desk on the shown day; {@code last} is the event's local time of its latest check-in. */
    record DeskRow(String name, int checkIns, int lastTenMinutes, LocalTime last) {
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

    /** The filter value that shows every day. */
    static final String ALL_DAYS = "all";

    /**
     * The day a dashboard request asks for: a day of the event, {@code all}, or nothing (today when the event
     * runs today, else all days). Anything else is treated as nothing: a stale bookmark still opens the page.
     */
    @Nullable LocalDate chosenDay(EventSchedule event, @Nullable String parameter) {
        if (ALL_DAYS.equals(parameter)) {
            return null;
        }
        if (parameter != null) {
            try {
                LocalDate asked = LocalDate.parse(parameter);
                if (event.day(asked).isPresent()) {
                    return asked;
                }
            } catch (java.time.format.DateTimeParseException ignored) {
                // an unknown day: as if none was given
            }
        }
        LocalDate today = LocalDate.now(clock.withZone(event.zone()));
        return event.day(today).isPresent() ? today : null;
    }

    View of(EventSchedule event, java.util.Locale locale, @Nullable LocalDate day) {
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
        LocalDate today = now.toLocalDate();
        LocalDate deskDay = day != null ? day : event.day(today).isPresent() ? today : null;
        List<DeskRow> desks = deskDay == null ? List.of() : checkins.desksOn(event, deskDay, clock.instant()).stream()
                .map(d -> new DeskRow(d.desk(), d.checkIns(), d.lastTenMinutes(),
                        d.lastAt().atZone(event.zone()).toLocalTime().withSecond(0).withNano(0)))
                .toList();
        return new View(event, report.registrations(),
                report.days().stream().filter(d -> day == null || d.day().equals(day)).toList(),
                fill.stream().filter(s -> day == null || s.figures().day().equals(day)).toList(), report.booths(),
                ArrivalsChart.of(event, checkins.arrivalsPer10Minutes(event)).stream()
                        .filter(c -> day == null || c.day().equals(day)).toList(),
                fullestNow, day, deskDay, desks, report.zones());
    }

}
