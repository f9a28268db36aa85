package dev.confer.web.site;

import dev.confer.events.EventSchedule;
import dev.confer.events.EventSchedule.Room;
import dev.confer.events.EventSchedule.Session;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * One day of the agenda as a grid: the rooms that have a matching session across, time slots down.
 * A slot runs from one session boundary to the next; a session spans the slots it covers, and slots
 * that no matching session covers (lunch, the keynote) are left out.
 */
record Timetable(List<Room> rooms, List<Slot> slots, int count) {

    /** A row of the grid; {@code cells} holds only the cells that start here or stay empty. */
    record Slot(LocalTime start, LocalTime end, List<Cell> cells) {
    }

    record Cell(@Nullable Session session, int rows) {
    }

    /** What a visitor asked for: all blank means the whole day. The search also finds speakers' companies and tags. */
    record Filter(@Nullable String track, @Nullable String language, @Nullable String query, @Nullable Integer level,
                  @Nullable String type, @Nullable String tag) implements Predicate<Session> {

        Filter(@Nullable String track, @Nullable String language, @Nullable String query) {
            this(track, language, query, null, null, null);
        }

        @Override
        public boolean test(Session s) {
            if (track != null && !track.isBlank() && !track.equals(s.track())) {
                return false;
            }
            if (language != null && !language.isBlank() && !language.equals(s.language())) {
                return false;
            }
            if (level != null && !level.equals(s.level())) {
                return false;
            }
            if (type != null && (s.type() == null || !type.equals(s.type().name()))) {
                return false;
            }
            if (tag != null && !s.tags().contains(tag)) {
                return false;
            }
            if (query == null || query.isBlank()) {
                return true;
            }
            String q = query.strip().toLowerCase(Locale.ROOT);
            return contains(s.title().ko(), q) || contains(s.title().en(), q)
                    || s.speakers().stream().anyMatch(sp -> contains(sp.name(), q) || contains(sp.company(), q))
                    || s.tags().stream().anyMatch(t -> contains(t, q));
        }

        /** Whether any filter is set, so the page can offer to clear them. */
        boolean any() {
            return track != null || language != null || query != null || level != null || type != null || tag != null;
        }

        private static boolean contains(@Nullable String text, String q) {
            // "[KB국민카드]" or "kb국민카드" finds the company KB국민카드: brackets are how attendees write a talk's company
            String needle = q.replace("[", "").replace("]", "").strip();
            return text != null && !needle.isEmpty() && text.toLowerCase(Locale.ROOT).contains(needle);
        }
    }

    static Timetable of(EventSchedule event, LocalDate day, Predicate<Session> filter) {
        List<Session> sessions = event.sessions().stream().filter(s -> s.day().equals(day)).filter(filter).toList();
        List<Room> rooms = event.rooms().stream()
                .filter(r -> sessions.stream().anyMatch(s -> s.room().equals(r.code()))).toList();
        TreeSet<LocalTime> bounds = new TreeSet<>();
        sessions.forEach(s -> {
            bounds.add(s.start());
            bounds.add(s.end());
        });
        List<LocalTime[]> kept = new ArrayList<>();
        LocalTime previous = null;
        for (LocalTime t : bounds) {
            if (previous != null) {
                LocalTime from = previous;
                if (sessions.stream().anyMatch(s -> covers(s, from))) {
                    kept.add(new LocalTime[]{from, t});
                }
            }
            previous = t;
        }
        List<Slot> slots = new ArrayList<>();
        for (LocalTime[] slot : kept) {
            List<Cell> cells = new ArrayList<>();
            for (Room room : rooms) {
                Session here = sessions.stream().filter(s -> s.room().equals(room.code()) && covers(s, slot[0]))
                        .findFirst().orElse(null);
                if (here == null) {
                    cells.add(new Cell(null, 1));
                } else if (here.start().equals(slot[0])) {
                    int rows = (int) kept.stream().filter(k -> covers(here, k[0])).count();
                    cells.add(new Cell(here, rows));
                }
            }
            slots.add(new Slot(slot[0], slot[1], cells));
        }
        return new Timetable(rooms, slots, sessions.size());
    }

    private static boolean covers(Session s, LocalTime slotStart) {
        return !slotStart.isBefore(s.start()) && slotStart.isBefore(s.end());
    }
}
