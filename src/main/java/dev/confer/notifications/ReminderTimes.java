package dev.confer.notifications;

import dev.confer.events.EventSchedule;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * When each reminder of an event goes out and until when it is still of use, from the event definition
 * alone. The moments are event time ({@code reminders.dayBefore}/{@code morningOf}) turned into instants.
 */
final class ReminderTimes {

    /** A reminder the definition asks for: {@code DAY_BEFORE} once (day = the first day), {@code MORNING_OF} per day. */
    record Planned(MailKind kind, LocalDate day, Instant at) {

        /** The db-scheduler instance id, e.g. {@code cloud-summit|MORNING_OF|2026-05-14}; slugs have no '|'. */
        String instanceId(String slug) {
            return slug + "|" + kind + "|" + day;
        }
    }

    /** A parsed instance id. */
    record Key(String slug, MailKind kind, LocalDate day) {

        static Optional<Key> parse(String instanceId) {
            String[] parts = instanceId.split("\\|");
            if (parts.length != 3) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Key(parts[0], MailKind.valueOf(parts[1]), LocalDate.parse(parts[2])));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
    }

    private ReminderTimes() {
    }

    static List<Planned> planned(EventSchedule event) {
        List<Planned> planned = new ArrayList<>();
        firstDay(event).ifPresent(first -> planned.add(new Planned(MailKind.DAY_BEFORE, first.date(),
                event.instant(first.date().minusDays(1), event.reminders().dayBefore()))));
        event.days().stream().sorted(Comparator.comparing(EventSchedule.Day::date))
                .forEach(d -> planned.add(new Planned(MailKind.MORNING_OF, d.date(), event.instant(d.date(), event.reminders().morningOf()))));
        return planned;
    }

    /**
     * Until when a mail of this kind and ref is worth sending: a day-before reminder (or waitlist note)
     * until the first day's doors open, a morning reminder until that day ends, a session nudge until the
     * session starts; empty when the day or session is no longer in the definition. Other mails never expire.
     */
    static Optional<Instant> usefulUntil(EventSchedule event, MailKind kind, String ref) {
        return switch (kind) {
            case DAY_BEFORE, STILL_WAITLISTED -> firstDay(event).filter(d -> d.date().toString().equals(ref))
                    .map(d -> event.instant(d.date(), d.doorsOpen()));
            case MORNING_OF -> event.days().stream().filter(d -> d.date().toString().equals(ref)).findFirst()
                    .map(d -> event.instant(d.date(), d.end()));
            case SESSION_SOON, LAB_SEAT -> event.session(ref).map(s -> event.instant(s.day(), s.start()));
            case CONFIRMATION, VERIFY, WAITLIST, PROMOTION, OPS_ALERT -> Optional.of(Instant.MAX);
        };
    }

    /** True when a mail of this kind and ref would now come too late to help anyone. */
    static boolean tooLate(EventSchedule event, MailKind kind, String ref, Instant now) {
        return usefulUntil(event, kind, ref).map(until -> !now.isBefore(until)).orElse(true);
    }

    private static Optional<EventSchedule.Day> firstDay(EventSchedule event) {
        return event.days().stream().min(Comparator.comparing(EventSchedule.Day::date));
    }
}
