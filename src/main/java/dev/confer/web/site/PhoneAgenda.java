package dev.confer.web.site;

import dev.confer.access.SeatsLeft;
import dev.confer.events.EventSchedule;
import dev.confer.events.EventSchedule.Room;
import dev.confer.events.EventSchedule.Session;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * One day of the agenda as a phone shows it: a list by start time instead of a grid fifteen rooms wide. On the
 * event's own day the slot running now and the next one come first and the slots already over go last; each
 * session carries its room, floor and the seats left at its door.
 */
record PhoneAgenda(List<TimeSlot> slots) {

    enum When { NOW, NEXT, LATER, EARLIER }

    record TimeSlot(LocalTime start, When when, List<Item> items) {
    }

    record Item(Session session, @Nullable Room room, SeatsLeft.Seats seats) {

        public boolean full() {
            return seats.capacity() > 0 && seats.left() == 0;
        }
    }

    /** {@code now} is the event's local time, or null when the shown day is not today. */
    static PhoneAgenda of(EventSchedule event, LocalDate day, Predicate<Session> filter, Map<String, SeatsLeft.Seats> seats,
                          @Nullable LocalDateTime now) {
        TreeMap<LocalTime, List<Item>> byStart = new TreeMap<>();
        event.sessions().stream().filter(s -> s.day().equals(day)).filter(filter)
                .sorted(Comparator.comparing(Session::start).thenComparing(Session::room))
                .forEach(s -> byStart.computeIfAbsent(s.start(), t -> new ArrayList<>())
                        .add(new Item(s, event.room(s.room()).orElse(null),
                                seats.getOrDefault(s.code(), new SeatsLeft.Seats(event.seatsAt(s), 0)))));
        boolean today = now != null && now.toLocalDate().equals(day);
        List<TimeSlot> running = new ArrayList<>();
        List<TimeSlot> coming = new ArrayList<>();
        List<TimeSlot> over = new ArrayList<>();
        byStart.forEach((start, items) -> {
            if (!today) {
                coming.add(new TimeSlot(start, When.LATER, items));
                return;
            }
            LocalTime clock = now.toLocalTime();
            boolean begun = !clock.isBefore(start);
            boolean anyRunning = items.stream().anyMatch(i -> begun && clock.isBefore(i.session().end()));
            if (anyRunning) {
                running.add(new TimeSlot(start, When.NOW, items));
            } else if (begun) {
                over.add(new TimeSlot(start, When.EARLIER, items));
            } else {
                coming.add(new TimeSlot(start, coming.isEmpty() && today ? When.NEXT : When.LATER, items));
            }
        });
        List<TimeSlot> slots = new ArrayList<>(running);
        slots.addAll(coming);
        slots.addAll(over);
        return new PhoneAgenda(slots);
    }
}
