package dev.confer.agenda;

import dev.confer.events.EventSchedule;
import dev.confer.shared.Rejection;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;

/**
 * A time slot of the programme: the sessions of one day that start at the same time. A team votes once per
 * slot; its id is the slot's local start, {@code 2026-05-14T13:00}.
 */
public record Slot(LocalDate day, LocalTime start) implements Comparable<Slot> {

    public static Slot of(EventSchedule.Session session) {
        return new Slot(session.day(), session.start());
    }

    /** The slot with this id in the event, or 404. */
    public static Slot parse(EventSchedule event, String id) {
        Slot slot;
        try {
            LocalDateTime at = LocalDateTime.parse(id);
            slot = new Slot(at.toLocalDate(), at.toLocalTime());
        } catch (DateTimeParseException e) {
            throw Rejection.notFound("agenda.slot-not-found", id);
        }
        if (slot.sessions(event).isEmpty()) {
            throw Rejection.notFound("agenda.slot-not-found", id);
        }
        return slot;
    }

    /** Every slot of the event, in time order. */
    public static List<Slot> all(EventSchedule event) {
        return event.sessions().stream().map(Slot::of).distinct().sorted().toList();
    }

    public String id() {
        return LocalDateTime.of(day, start).toString();
    }

    public List<EventSchedule.Session> sessions(EventSchedule event) {
        return event.sessions().stream().filter(s -> s.day().equals(day) && s.start().equals(start))
                .sorted(Comparator.comparing(EventSchedule.Session::room).thenComparing(EventSchedule.Session::code)).toList();
    }

    public Instant startsAt(EventSchedule event) {
        return event.instant(day, start);
    }

    @Override
    public int compareTo(Slot other) {
        return Comparator.comparing(Slot::day).thenComparing(Slot::start).compare(this, other);
    }
}
